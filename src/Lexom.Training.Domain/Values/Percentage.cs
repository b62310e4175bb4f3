using System.Globalization;

namespace Lexom.Training.Domain.Values;

/// <summary>A percentage kept in points: <c>Percentage.Of(20)</c> is 20 %, its <see cref="Fraction"/> 0.20.</summary>
public readonly record struct Percentage : IComparable<Percentage>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private Percentage(decimal points) => Points = points;

    /// <summary>The value in points (20 for 20 %).</summary>
    public decimal Points { get; }

    /// <summary>The value as a fraction (0.20 for 20 %).</summary>
    public decimal Fraction => Points / 100m;

    public static Percentage Of(decimal points) => new(points);

    public static Percentage Zero => default;

    public static Percentage Max(Percentage a, Percentage b) => a.Points >= b.Points ? a : b;

    public static Percentage Min(Percentage a, Percentage b) => a.Points <= b.Points ? a : b;

    public static Percentage operator +(Percentage left, Percentage right) => new(left.Points + right.Points);

    public static Percentage Add(Percentage left, Percentage right) => left + right;

    public static Percentage operator *(decimal factor, Percentage value) => new(factor * value.Points);

    public static Percentage Multiply(decimal factor, Percentage value) => factor * value;

    public static bool operator <(Percentage left, Percentage right) => left.Points < right.Points;

    public static bool operator >(Percentage left, Percentage right) => left.Points > right.Points;

    public static bool operator <=(Percentage left, Percentage right) => left.Points <= right.Points;

    public static bool operator >=(Percentage left, Percentage right) => left.Points >= right.Points;

    public int CompareTo(Percentage other) => Points.CompareTo(other.Points);

    /// <summary>French display: "12,15 %", "20 %".</summary>
    public string ToFrench() => Points.ToString("0.##", French) + "\u00A0%";

    public override string ToString() => Points.ToString("0.####", CultureInfo.InvariantCulture) + " %";
}
