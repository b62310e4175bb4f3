namespace Lexom.Training.Web.Features.Orders;

/// <summary>An uploaded signed document, read and checked: its bytes, its real type and a safe file name.</summary>
public sealed record SignedUpload(byte[] Content, string ContentType, string FileName)
{
    /// <summary>
    /// Reads an upload and checks it: not empty, at most <see cref="Data.StoredFile.MaxUploadBytes"/>, and a PDF,
    /// JPEG or PNG by its content (magic bytes), whatever its name or declared type says. Returns the French
    /// message of what is wrong otherwise.
    /// </summary>
    public static async Task<(SignedUpload? Upload, string? Error)> ReadAsync(IFormFile? file, string what, string baseName, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, $"Joignez {what} (PDF, JPEG ou PNG).");
        if (file.Length > Data.StoredFile.MaxUploadBytes)
            return (null, $"Le fichier de {what} dépasse {Data.StoredFile.MaxUploadBytes / (1024 * 1024)} Mo : numérisez-le en plus basse résolution.");
        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        var bytes = buffer.ToArray();
        var (type, extension) = Sniff(bytes);
        if (type is null) return (null, $"Le fichier de {what} n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom).");
        return (new SignedUpload(bytes, type, $"{baseName}{extension}"), null);
    }

    /// <summary>The content type and extension of a PDF, JPEG or PNG, from its first bytes; nulls for anything else.</summary>
    public static (string? ContentType, string? Extension) Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8) && bytes.LastIndexOf("%%EOF"u8) > 0) return ("application/pdf", ".pdf");
        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return ("image/jpeg", ".jpg");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ("image/png", ".png");
        return (null, null);
    }
}
