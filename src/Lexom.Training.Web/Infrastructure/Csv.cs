using System.Text;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>
/// The CSV exports of the staff lists, for a spreadsheet in French: ';' between fields, CRLF line ends,
/// UTF-8 with a BOM, decimal commas, dates dd/MM/yyyy.
/// </summary>
public static class Csv
{
    public const string Separator = ";";

    public const string LineEnd = "\r\n";

    /// <summary>Quotes a field when it holds a separator, a quote or a line break; defuses spreadsheet formulas
    /// (a value starting with = + - @ gets a leading apostrophe).</summary>
    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>"4284,00".</summary>
    public static string Amount(Money amount) => amount.Amount.ToString("0.00", FrenchCulture.Culture);

    /// <summary>"16/03/2026", or an empty field.</summary>
    public static string Date(DateOnly? date) => date?.Numeric() ?? "";

    /// <summary>The text as UTF-8 bytes with a BOM (so that a spreadsheet reads the accents right).</summary>
    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
