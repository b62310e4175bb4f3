using System.Globalization;
using FluentValidation;

namespace Lexom.Training.Web.Features.Settings;

/// <summary>L2: the rates of one half-year, as an admin types them (« 2,15 »); a new half-year also gives its year and half.</summary>
public sealed class RateForm
{
    public int? Year { get; set; }

    /// <summary>1 (January–June) or 2 (July–December).</summary>
    public int? Half { get; set; }

    /// <summary>The ECB main refinancing rate in force on 1 January or 1 July, in %.</summary>
    public string? Ecb { get; set; }

    /// <summary>The French legal interest rate of the half-year for professional creditors, in %.</summary>
    public string? Legal { get; set; }

    /// <summary>« vérifié »: checked against the ECB's and the Banque de France's publications; clears « à vérifier ».</summary>
    public bool Verified { get; set; }

    /// <summary>"2,15", "2.15" or "2,15 %" → 2.15; null when it is not a rate in % with 3 decimals at most.</summary>
    public static decimal? ParseRate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = text.Replace("%", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value == Math.Round(value, 3)
            ? value
            : null;
    }

    public static string Show(decimal points) => points.ToString("0.00#", Domain.French.Culture);
}

public sealed class RateFormValidator : AbstractValidator<RateForm>
{
    /// <summary>The highest rate accepted, in %: well above any ECB or legal rate since the euro.</summary>
    public const decimal MaxRate = 20m;

    public RateFormValidator()
    {
        RuleFor(f => f.Year).NotNull().WithMessage("Indiquez l'année du semestre.")
            .InclusiveBetween(2000, 2100).WithMessage("L'année du semestre est comprise entre 2000 et 2100.");
        RuleFor(f => f.Half).NotNull().WithMessage("Choisissez le semestre : 1 (janvier–juin) ou 2 (juillet–décembre).")
            .Must(h => h is null or 1 or 2).WithMessage("Choisissez le semestre : 1 (janvier–juin) ou 2 (juillet–décembre).");
        RuleFor(f => f.Ecb).Must(BeARate)
            .WithMessage($"Le taux de refinancement de la BCE est un pourcentage entre 0 et {MaxRate:0}, avec 3 décimales au plus (par exemple 2,15).");
        RuleFor(f => f.Legal).Must(BeARate)
            .WithMessage($"Le taux de l'intérêt légal est un pourcentage entre 0 et {MaxRate:0}, avec 3 décimales au plus (par exemple 2,62).");
    }

    private static bool BeARate(string? text) => RateForm.ParseRate(text) is { } v && v is >= 0m and <= MaxRate;
}
