using System.Reflection;
using PdfSharp.Fonts;

namespace Lexom.Training.Documents.Layout;

/// <summary>
/// Serves the fonts embedded in this assembly to PDFsharp. PDFsharp accepts one resolver per process
/// (<see cref="GlobalFontSettings.FontResolver"/> may only be set again with the same instance), so there
/// is exactly one instance and <see cref="DocumentFonts.EnsureInstalled"/> installs it once, under a lock.
/// Any family name resolves to the embedded DejaVu Sans (regular or bold), so no document can depend on the host.
/// </summary>
public sealed class LexomFontResolver : IFontResolver
{
    internal const string RegularFace = "LexomSans-Regular";
    internal const string BoldFace = "LexomSans-Bold";

    private static readonly Lazy<byte[]> Regular = new(() => Load("Lexom.Fonts.DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> Bold = new(() => Load("Lexom.Fonts.DejaVuSans-Bold.ttf"));

    private LexomFontResolver()
    {
    }

    public static LexomFontResolver Instance { get; } = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        => new(bold ? BoldFace : RegularFace, false, italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        BoldFace => Bold.Value,
        _ => Regular.Value,
    };

    private static byte[] Load(string name)
    {
        using var stream = typeof(LexomFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font '{name}' is missing from {typeof(LexomFontResolver).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Installs <see cref="LexomFontResolver"/> once per process, thread-safely.</summary>
public static class DocumentFonts
{
    /// <summary>The family name documents ask for (any name resolves to the embedded fonts).</summary>
    public const string Family = "Lexom Sans";

    private static readonly Lock Gate = new();
    private static volatile bool _installed;

    public static void EnsureInstalled()
    {
        if (_installed)
        {
            return;
        }

        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = LexomFontResolver.Instance;
            }
            else if (current is not LexomFontResolver)
            {
                throw new InvalidOperationException(
                    $"Another PDFsharp font resolver ({current.GetType().FullName}) is already installed; "
                    + "Lexom.Training.Documents needs LexomFontResolver.Instance. Install it instead, or delegate to it.");
            }

            _installed = true;
        }
    }

    internal static Assembly Assembly => typeof(DocumentFonts).Assembly;
}
