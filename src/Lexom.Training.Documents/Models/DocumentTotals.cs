namespace Lexom.Training.Documents;

/// <summary>VAT of one rate: base HT and amount.</summary>
public sealed record VatBreakdown(decimal Rate, decimal BaseExclVat, decimal Vat);

/// <summary>
/// The arithmetic printed on commercial documents, as the CGV define it:
/// M3: HT = Σ round(qty × unit); TVA = round(HT × rate) per rate; TTC = HT + TVA.
/// M4: deposit = round(rate × TTC). Rounding to the cent, midpoint away from zero.
/// </summary>
public sealed record DocumentTotals(
    decimal TotalExclVat,
    IReadOnlyList<VatBreakdown> VatByRate,
    decimal TotalVat,
    decimal TotalInclVat,
    decimal DepositRate,
    decimal Deposit)
{
    public decimal Balance => TotalInclVat - Deposit;

    public static decimal LineTotal(DocumentLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Round(line.Quantity * line.UnitPriceExclVat);
    }

    public static DocumentTotals Compute(IReadOnlyList<DocumentLine> lines, decimal depositRate)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byRate = lines
            .GroupBy(l => l.VatRate)
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var baseHt = g.Sum(LineTotal);
                return new VatBreakdown(g.Key, baseHt, Round(baseHt * g.Key));
            })
            .ToList();
        var ht = byRate.Sum(v => v.BaseExclVat);
        var vat = byRate.Sum(v => v.Vat);
        var ttc = ht + vat;
        return new DocumentTotals(ht, byRate, vat, ttc, depositRate, Round(depositRate * ttc));
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
