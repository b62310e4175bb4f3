using Lexom.Training.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Data;

/// <summary>M1: the VAT rates are data (table <c>vat_rates</c>), given to the domain as a <see cref="VatRateTable"/>.</summary>
public static class VatRates
{
    public static async Task<VatRateTable> TableAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.VatRates.AsNoTracking().ToListAsync(ct);
        return new VatRateTable(rows.Select(r => new VatRate(Percentage.Of(r.RatePoints), r.ValidFrom, r.ValidUntil)));
    }
}
