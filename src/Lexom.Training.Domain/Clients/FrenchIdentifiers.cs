namespace Lexom.Training.Domain.Clients;

/// <summary>Checks of French company identifiers: SIRET (Luhn), SIREN, intra-EU VAT number (FR key).</summary>
public static class FrenchIdentifiers
{
    /// <summary>La Poste's SIREN, whose establishments do not follow the Luhn key.</summary>
    private const string LaPosteSiren = "356000000";

    /// <summary>Digits only: "123 456 789 00012" → "12345678900012".</summary>
    public static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());

    public static bool IsValidSiret(string? value)
    {
        var siret = Digits(value);
        if (siret.Length != 14 || (value ?? "").Any(c => !char.IsAsciiDigit(c) && c != ' ')) return false;
        if (siret.StartsWith(LaPosteSiren, StringComparison.Ordinal))
            return siret.Sum(c => c - '0') % 5 == 0;
        return Luhn(siret);
    }

    public static bool IsValidSiren(string? value)
    {
        var siren = Digits(value);
        return siren.Length == 9 && Luhn(siren);
    }

    /// <summary>"FR" + 2-digit key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. Other EU numbers: a plausible shape.</summary>
    public static bool IsValidVatNumber(string? value, string? siret = null)
    {
        var vat = (value ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (vat.Length < 4 || vat.Length > 16 || !char.IsAsciiLetterUpper(vat[0]) || !char.IsAsciiLetterUpper(vat[1])
            || !vat[2..].All(char.IsAsciiLetterOrDigit))
            return false;
        if (!vat.StartsWith("FR", StringComparison.Ordinal)) return true;
        if (vat.Length != 13 || !vat[2..].All(char.IsAsciiDigit)) return false;
        var siren = vat[4..];
        var key = (12 + (3 * (long.Parse(siren, System.Globalization.CultureInfo.InvariantCulture) % 97))) % 97;
        if (int.Parse(vat[2..4], System.Globalization.CultureInfo.InvariantCulture) != key) return false;
        return siret is null || Digits(siret).StartsWith(siren, StringComparison.Ordinal);
    }

    /// <summary>A French postal code: 5 digits, departments 01–98 (Corsica 20, overseas 97/98).</summary>
    public static bool IsValidPostalCode(string? value) =>
        value is { Length: 5 } && value.All(char.IsAsciiDigit) && value[..2] is not "00" and not "99";

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
