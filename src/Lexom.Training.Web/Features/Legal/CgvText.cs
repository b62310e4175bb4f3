using Lexom.Training.Documents;

namespace Lexom.Training.Web.Features.Legal;

/// <summary>
/// LEXOM's CGV for the /cgv page: the same text and structure as the proposal's annex
/// (<see cref="Cgv"/> in the Documents project), with consecutive bullets gathered into lists.
/// </summary>
public sealed class CgvText
{
    public CgvText()
    {
        var blocks = new List<CgvSection>();
        foreach (var block in Cgv.Structure)
        {
            switch (block.Kind)
            {
                case CgvBlockKind.Title:
                    Title = block.Text;
                    break;
                case CgvBlockKind.Bullet when blocks.Count > 0 && blocks[^1].Kind == CgvSectionKind.List:
                    blocks[^1] = blocks[^1] with { Items = [.. blocks[^1].Items, block.Text] };
                    break;
                case CgvBlockKind.Bullet:
                    blocks.Add(new(CgvSectionKind.List, "", [block.Text]));
                    break;
                case CgvBlockKind.Part:
                    blocks.Add(new(CgvSectionKind.Part, block.Text, []));
                    break;
                case CgvBlockKind.Clause:
                    blocks.Add(new(CgvSectionKind.Article, block.Text, []));
                    break;
                default:
                    blocks.Add(new(CgvSectionKind.Paragraph, block.Text, []));
                    break;
            }
        }
        Blocks = blocks;
    }

    public string Title { get; } = "Conditions Générales de Vente : LEXOM";

    public IReadOnlyList<CgvSection> Blocks { get; }
}

public enum CgvSectionKind
{
    Part,
    Article,
    Paragraph,
    List,
}

public sealed record CgvSection(CgvSectionKind Kind, string Text, IReadOnlyList<string> Items);
