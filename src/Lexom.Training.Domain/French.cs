using System.Globalization;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain;

/// <summary>French formatting for the sentences the domain writes.</summary>
public static class French
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"16/03/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    /// <summary>"1 285,20 €".</summary>
    public static string Amount(Money amount) => amount.ToFrench();

    /// <summary>Trims and collapses runs of white space to one space; empty for null.</summary>
    public static string CollapseSpaces(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    internal static string Format(FormattableString text) => text.ToString(Culture);
}
