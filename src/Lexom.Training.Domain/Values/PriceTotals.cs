namespace Lexom.Training.Domain.Values;

/// <summary>The VAT for one rate of a document (M3).</summary>
public sealed record VatLine(Percentage Rate, Money Base, Money Vat);

/// <summary>HT, VAT per rate and TTC of a document (M3).</summary>
public sealed record PriceTotals(Money Ht, IReadOnlyList<VatLine> VatByRate, Money Ttc)
{
    public Money Vat => Money.Sum(VatByRate.Select(v => v.Vat));

    public static PriceTotals Empty { get; } = new(Money.Zero, [], Money.Zero);
}

/// <summary>The price arithmetic of M3 and M4, with its rounding steps.</summary>
public static class PriceCalculator
{
    /// <summary>M3: a line's amount is round(quantity × unit price HT).</summary>
    public static Money LineAmount(decimal quantity, Money unitPriceHt) =>
        Money.RoundToCent(unitPriceHt.Times(quantity));

    /// <summary>
    /// M3: <c>HT = Σ round(qty × unit)</c>; per rate <c>TVA = round(HT of that rate × rate)</c>;
    /// <c>TTC = HT + Σ TVA</c>.
    /// </summary>
    public static PriceTotals Totals(IEnumerable<(Money LineHt, Percentage Rate)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byRate = lines
            .GroupBy(l => l.Rate)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var baseHt = Money.Sum(g.Select(l => l.LineHt));
                return new VatLine(g.Key, baseHt, Money.RoundToCent(baseHt.Times(g.Key.Fraction)));
            })
            .ToList();
        var ht = Money.Sum(byRate.Select(v => v.Base));
        var vat = Money.Sum(byRate.Select(v => v.Vat));
        return new PriceTotals(ht, byRate, ht + vat);
    }

    /// <summary>M4: <c>Deposit = round(rate × TTC)</c>.</summary>
    public static Money Deposit(Money ttc, Percentage depositRate) =>
        Money.RoundToCent(ttc.Times(depositRate.Fraction));

    /// <summary>
    /// Splits an amount TTC billed at one rate (deposit invoice, balance, indemnity) into HT and VAT:
    /// <c>HT = round(TTC / (1 + rate))</c>, <c>VAT = TTC − HT</c> (see <see cref="Rules.CgvReadings.SplitTtc"/>).
    /// </summary>
    public static (Money Ht, Money Vat) SplitTtc(Money ttc, Percentage rate) => Rules.CgvReadings.SplitTtc(ttc, rate);
}
