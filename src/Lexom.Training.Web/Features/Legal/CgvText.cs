using System.Text.RegularExpressions;

namespace Lexom.Training.Web.Features.Legal;

/// <summary>
/// LEXOM's CGV, from the source document, split into articles and paragraphs for the /cgv page.
/// </summary>
public sealed partial class CgvText
{
    public CgvText()
    {
        using var stream = typeof(CgvText).Assembly.GetManifestResourceStream("cgv.txt")
            ?? throw new InvalidOperationException("Le texte des CGV est absent.");
        using var reader = new StreamReader(stream);
        Raw = reader.ReadToEnd();
        Blocks = Parse(Raw);
    }

    public string Raw { get; }

    public IReadOnlyList<CgvBlock> Blocks { get; }

    private static List<CgvBlock> Parse(string raw)
    {
        var blocks = new List<CgvBlock>();
        var lines = raw.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var line in lines.Skip(1)) // the first line is the title
        {
            if (PartHeading().IsMatch(line)) blocks.Add(new(CgvBlockKind.Part, line, []));
            else if (ArticleHeading().IsMatch(line) && line.Length < 120) blocks.Add(new(CgvBlockKind.Article, line, []));
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                // Consecutive bullets make one list.
                if (blocks.Count > 0 && blocks[^1].Kind == CgvBlockKind.List)
                    blocks[^1] = blocks[^1] with { Items = [.. blocks[^1].Items, line[2..].Trim()] };
                else
                    blocks.Add(new(CgvBlockKind.List, "", [line[2..].Trim()]));
            }
            else blocks.Add(new(CgvBlockKind.Paragraph, line, []));
        }
        return blocks;
    }

    [GeneratedRegex(@"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s")]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"^\d\.\d+\.?\s")]
    private static partial Regex ArticleHeading();
}

public enum CgvBlockKind
{
    Part,
    Article,
    Paragraph,
    List,
}

public sealed record CgvBlock(CgvBlockKind Kind, string Text, IReadOnlyList<string> Items);
