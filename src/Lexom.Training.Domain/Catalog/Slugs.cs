using System.Globalization;
using System.Text;

namespace Lexom.Training.Domain.Catalog;

/// <summary>URL identifiers and accent-free text, shared by the catalog and its search.</summary>
public static class Slugs
{
    /// <summary>"Relation client - Relation clients" → "relation-client-relation-clients".</summary>
    public static string From(string text)
    {
        var plain = Fold(text);
        var sb = new StringBuilder(plain.Length);
        var dash = false;
        foreach (var c in plain)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 120 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-';

    /// <summary>Lower case, accents removed, ligatures opened: "Stratégie Œuvre" → "strategie oeuvre".
    /// The search index and the search terms both go through it, so that a search ignores accents.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "OE", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
