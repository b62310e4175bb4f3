using System.Globalization;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>The app speaks French: dates, numbers and money in fr-FR, business dates in Europe/Paris.</summary>
public static class FrenchCulture
{
    public static readonly CultureInfo Culture = Domain.French.Culture;

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Today's calendar date in Paris, from the injected clock.</summary>
    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);

    /// <summary>"1 190,00 €" (the group separator is a narrow no-break space, as fr-FR writes it).</summary>
    public static string Euros(this decimal amount) => amount.ToString("#,##0.00", Culture) + "\u00a0€";

    /// <summary>"16 mars 2026", "1er avril 2026" (as the documents write it).</summary>
    public static string Written(this DateOnly date) =>
        date.Day == 1 ? "1er " + date.ToString("MMMM yyyy", Culture) : date.ToString("d MMMM yyyy", Culture);

    /// <summary>"16/03/2026".</summary>
    public static string Numeric(this DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    /// <summary>"2" or "1,5".</summary>
    public static string Number(this decimal value) => value.ToString("0.##", Culture);
}
