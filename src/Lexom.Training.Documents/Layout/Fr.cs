using System.Globalization;

namespace Lexom.Training.Documents.Layout;

/// <summary>French formatting: amounts "1 285,20 €" (U+202F group separator), dates "16 mars 2026".</summary>
internal static class Fr
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Money(decimal amount) => amount.ToString("N2", Culture) + "\u00A0€";

    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);

    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", Culture) + "\u00A0%";

    public static string Hours(decimal hours) => Number(hours) + "\u00A0h";

    public static string Date(DateOnly date)
        => date.Day == 1
            ? "1er " + date.ToString("MMMM yyyy", Culture)
            : date.ToString("d MMMM yyyy", Culture);

    public static string DateWithDay(DateOnly date) => date.ToString("dddd", Culture) + " " + Date(date);

    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Range(DateOnly start, DateOnly end)
        => start == end ? "le " + DateWithDay(start) : "du " + DateWithDay(start) + " au " + DateWithDay(end);

    public static string Int(int value) => value.ToString(Culture);

    public static string Days(decimal days) => Number(days) + (days > 1 ? " jours" : " jour");

    public static string Duration(decimal days, decimal hours) => $"{Days(days)} ({Hours(hours)})";
}
