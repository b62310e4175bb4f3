using System.Globalization;

namespace Lexom.Training.Domain.Values;

/// <summary>
/// An amount in euros, always a whole number of cents.
/// </summary>
/// <remarks>
/// A <see cref="Money"/> never holds fractions of a cent. Products and ratios (quantity × unit price,
/// HT × VAT rate, TTC × deposit rate, interest) are computed as raw <see cref="decimal"/> values with
/// <see cref="Times"/> and come back to <see cref="Money"/> only through <see cref="RoundToCent"/>,
/// which is called at the steps the CGV spec documents (M3, M4, L1), never in between.
/// Amounts may be negative when they are differences; the decisions of the policies never are.
/// </remarks>
public readonly record struct Money : IComparable<Money>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private Money(decimal amount) => Amount = amount;

    /// <summary>The amount in euros, with at most two decimals.</summary>
    public decimal Amount { get; }

    public static Money Zero => default;

    /// <summary>An amount that is already a whole number of cents (450, 1 190.00, 0.05).</summary>
    /// <exception cref="DomainException">The amount has fractions of a cent.</exception>
    public static Money Euros(decimal amount)
    {
        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException(
                string.Create(French, $"Un montant en euros a au plus deux décimales ({amount} n'en a pas deux)."));
        }

        return new Money(decimal.Round(amount, 2));
    }

    /// <summary>
    /// The documented rounding step (M3, M4, L1): to the cent, halves away from zero
    /// (0.005 → 0.01, 2.675 → 2.68, −0.005 → −0.01).
    /// </summary>
    public static Money RoundToCent(decimal raw) =>
        new(Math.Round(raw, 2, MidpointRounding.AwayFromZero));

    /// <summary>The raw, unrounded product of this amount by a factor (a quantity, a rate).</summary>
    public decimal Times(decimal factor) => Amount * factor;

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public bool IsPositive => Amount > 0m;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    /// <summary>The difference, or zero when it would be negative.</summary>
    public Money MinusFloorZero(Money other) => Max(Zero, this - other);

    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount);

    public static Money operator -(Money value) => new(-value.Amount);

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Negate(Money value) => -value;

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>
    /// French display: "1 285,20 €". The group separator is the one fr-FR gives (U+202F, a narrow
    /// no-break space, with ICU) and the euro sign follows a no-break space (U+00A0).
    /// </summary>
    public string ToFrench() => Amount.ToString("N2", French) + "\u00A0€";

    /// <summary>An invariant form for logs and data: "1285.20 EUR".</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture) + " EUR";
}
