using Lexom.Training.Domain.Values;

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

    /// <summary>M3: round(qty × unit), by the domain's <see cref="PriceCalculator"/>.</summary>
    public static decimal LineTotal(DocumentLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return PriceCalculator.LineAmount(line.Quantity, Money.Euros(line.UnitPriceExclVat)).Amount;
    }

    /// <summary>
    /// The totals as the domain computes them (M3, M4): the documents print the domain's arithmetic,
    /// they do not have one of their own.
    /// </summary>
    public static DocumentTotals Compute(IReadOnlyList<DocumentLine> lines, decimal depositRate)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var totals = PriceCalculator.Totals(lines.Select(l =>
            (PriceCalculator.LineAmount(l.Quantity, Money.Euros(l.UnitPriceExclVat)), Percentage.Of(l.VatRate * 100m))));
        var byRate = totals.VatByRate
            .OrderByDescending(v => v.Rate.Points)
            .Select(v => new VatBreakdown(v.Rate.Fraction, v.Base.Amount, v.Vat.Amount))
            .ToList();
        var deposit = PriceCalculator.Deposit(totals.Ttc, Percentage.Of(depositRate * 100m));
        return new DocumentTotals(totals.Ht.Amount, byRate, totals.Vat.Amount, totals.Ttc.Amount, depositRate, deposit.Amount);
    }
}
