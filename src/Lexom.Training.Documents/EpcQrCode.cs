using System.Globalization;
using System.Text;
using QRCoder;

namespace Lexom.Training.Documents;

/// <summary>
/// EPC069-12 "SEPA credit transfer" QR payload (version 002, UTF-8), readable by European banking apps.
/// Lines: BCD, 002, 1 (UTF-8), SCT, BIC, name, IBAN, EUR amount, purpose, structured reference,
/// unstructured remittance; ECC level M.
/// </summary>
public static class EpcQrCode
{
    public static string Payload(string beneficiaryName, string iban, string bic, decimal amount, string remittance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(beneficiaryName);
        ArgumentException.ThrowIfNullOrWhiteSpace(iban);
        if (amount is < 0.01m or > 999_999_999.99m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "EPC amounts range from 0.01 to 999999999.99 EUR.");
        }

        var cleanIban = iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var cleanBic = (bic ?? string.Empty).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var sb = new StringBuilder(200);
        sb.Append("BCD\n002\n1\nSCT\n");
        sb.Append(cleanBic).Append('\n');
        sb.Append(Truncate(beneficiaryName, 70)).Append('\n');
        sb.Append(cleanIban).Append('\n');
        sb.Append("EUR").Append(Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append('\n');                 // purpose code: none
        sb.Append('\n');                 // structured creditor reference: none
        sb.Append(Truncate(remittance, 140));
        var payload = sb.ToString();
        if (Encoding.UTF8.GetByteCount(payload) > 331)
        {
            throw new ArgumentException("EPC payload exceeds 331 bytes.", nameof(remittance));
        }

        return payload;
    }

    /// <summary>The QR modules (true = dark), quiet zone included.</summary>
    internal static bool[][] Modules(string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true, utf8BOM: false);
        return data.ModuleMatrix.Select(row =>
        {
            var cells = new bool[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                cells[i] = row[i];
            }

            return cells;
        }).ToArray();
    }

    private static string Truncate(string value, int max)
    {
        var v = (value ?? string.Empty).Replace('\n', ' ').Trim();
        return v.Length <= max ? v : v[..max];
    }
}
