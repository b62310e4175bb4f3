using System.Text.RegularExpressions;

namespace Lexom.Training.Documents;

/// <summary>LEXOM's general terms of sale, word for word from the seed, embedded in this assembly.</summary>
public static partial class Cgv
{
    private static readonly Lazy<string> Embedded = new(() =>
    {
        using var stream = typeof(Cgv).Assembly.GetManifestResourceStream("Lexom.Cgv.txt")
            ?? throw new InvalidOperationException("The embedded CGV text is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    });

    private static readonly Lazy<IReadOnlyList<CgvBlock>> EmbeddedBlocks = new(() => Parse(Embedded.Value));

    /// <summary>The full text, from "Conditions Générales de Vente : LEXOM" to the end.</summary>
    public static string Text => Embedded.Value;

    /// <summary>The text as titled parts, clauses, paragraphs and bullets, in order (the web's /cgv page shows them).</summary>
    public static IReadOnlyList<CgvBlock> Structure => EmbeddedBlocks.Value;

    /// <summary>Clause headings ("I. …", "2.1. …") in order, as printed.</summary>
    public static IReadOnlyList<string> Headings
        => EmbeddedBlocks.Value.Where(b => b.Kind is CgvBlockKind.Part or CgvBlockKind.Clause).Select(b => b.Text).ToList();

    internal static IReadOnlyList<CgvBlock> Blocks(string? text)
        => text is null ? EmbeddedBlocks.Value : Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());

    internal static List<CgvBlock> Parse(string text)
    {
        var blocks = new List<CgvBlock>();
        var first = true;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (first)
            {
                blocks.Add(new CgvBlock(CgvBlockKind.Title, line));
                first = false;
            }
            else if (PartHeading().IsMatch(line))
            {
                blocks.Add(new CgvBlock(CgvBlockKind.Part, line));
            }
            else if (line.Length < 110 && ClauseHeading().IsMatch(line))
            {
                blocks.Add(new CgvBlock(CgvBlockKind.Clause, line));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                blocks.Add(new CgvBlock(CgvBlockKind.Bullet, line[2..].Trim()));
            }
            else
            {
                blocks.Add(new CgvBlock(CgvBlockKind.Paragraph, line));
            }
        }

        return blocks;
    }

    [GeneratedRegex(@"^[IVX]+\.\s")]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"^\d+\.\d+\.?\s")]
    private static partial Regex ClauseHeading();
}

public enum CgvBlockKind
{
    Title,
    Part,
    Clause,
    Bullet,
    Paragraph,
}

public sealed record CgvBlock(CgvBlockKind Kind, string Text);
