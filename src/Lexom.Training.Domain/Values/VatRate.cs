namespace Lexom.Training.Domain.Values;

/// <summary>A VAT rate and the days it is in force (M1). <see cref="ValidUntil"/> is inclusive; null means still in force.</summary>
public sealed record VatRate(Percentage Rate, DateOnly ValidFrom, DateOnly? ValidUntil = null)
{
    public bool AppliesOn(DateOnly date) => date >= ValidFrom && (ValidUntil is null || date <= ValidUntil);
}

/// <summary>
/// The VAT rates over time (M1). It is data given to the domain (the web project keeps it in the
/// database, an admin edits it); no computing path holds a VAT constant.
/// </summary>
public sealed class VatRateTable
{
    private readonly List<VatRate> _rates;

    public VatRateTable(IEnumerable<VatRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        _rates = [.. rates.OrderBy(r => r.ValidFrom)];
        for (var i = 1; i < _rates.Count; i++)
        {
            var previous = _rates[i - 1];
            if (previous.ValidUntil is null || previous.ValidUntil >= _rates[i].ValidFrom)
            {
                throw new DomainException("Deux taux de TVA se chevauchent dans la table des taux.", "M1");
            }
        }
    }

    public IReadOnlyList<VatRate> Rates => _rates;

    /// <summary>The rate in force on <paramref name="date"/> (M1).</summary>
    /// <exception cref="DomainException">No rate covers that date.</exception>
    public Percentage RateOn(DateOnly date) =>
        _rates.FirstOrDefault(r => r.AppliesOn(date))?.Rate
        ?? throw new DomainException(
            $"Aucun taux de TVA n'est défini pour le {date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}.", "M1");
}
