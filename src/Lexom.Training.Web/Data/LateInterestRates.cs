using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Data;

/// <summary>
/// L2: the rates of one half-year, edited by the admins at /gestion/parametres/taux. The seeded rows are marked
/// <see cref="ToBeChecked"/> until an admin confirms them against the ECB's and the Banque de France's publications.
/// </summary>
public sealed class LateInterestRateRow
{
    public int Year { get; set; }

    /// <summary>1 (1 January–30 June) or 2 (1 July–31 December).</summary>
    public int Half { get; set; }

    /// <summary>The ECB's main refinancing rate in force on the first day of the half-year, in points.</summary>
    public decimal EcbRatePoints { get; set; }

    /// <summary>The French legal interest rate of the half-year, in points.</summary>
    public decimal LegalRatePoints { get; set; }

    public bool ToBeChecked { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }
}

/// <summary>What the daily late-payment job last computed for an unpaid invoice (L1–L3), for the lists and the dashboard.</summary>
public sealed class InvoiceLateStatus
{
    public Guid InvoiceId { get; set; }

    public DateOnly ComputedOn { get; set; }

    public int DaysLate { get; set; }

    public Money Unpaid { get; set; }

    public Money Interest { get; set; }

    /// <summary>L3: the 40 € recovery indemnity, for a company client only.</summary>
    public Money RecoveryIndemnity { get; set; }

    public string Explanation { get; set; } = "";
}

public static class LateInterestRates
{
    public static async Task<LateInterestRateTable> TableAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.LateInterestRates.AsNoTracking().ToListAsync(ct);
        return new LateInterestRateTable(rows.Select(r => new HalfYearRates(r.Year, r.Half, Percentage.Of(r.EcbRatePoints), Percentage.Of(r.LegalRatePoints))));
    }
}
