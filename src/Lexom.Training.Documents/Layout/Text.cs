using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lexom.Training.Documents.Layout;

internal enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Font size, weight and colour (ARGB) of a run of text. A plain uint keeps equality cheap (XColor would box).</summary>
internal readonly record struct TextStyle(double Size, bool Bold, uint Color)
{
    public TextStyle WithBold(bool bold = true) => this with { Bold = bold };

    public TextStyle WithSize(double size) => this with { Size = size };

    public TextStyle WithColor(uint color) => this with { Color = color };
}

/// <summary>A run of text in one style; paragraphs are lists of spans.</summary>
internal readonly record struct Span(string Text, TextStyle Style);

/// <summary>A piece of a laid-out line: text drawn at an x offset from the line start.</summary>
internal readonly record struct Segment(double X, string Text, TextStyle Style, double Width);

/// <summary>One laid-out line.</summary>
internal sealed record TextLine(IReadOnlyList<Segment> Segments, double Width, double Height, double MaxSize);

/// <summary>
/// Fonts and metrics. XFont instances are cached per (size, bold); glyph advances are measured once per
/// character through a PDFsharp measure context and summed, so wrapping costs no PDFsharp call per word.
/// PDFsharp applies no kerning, so the sum is what it draws.
/// </summary>
internal static class Fonts
{
    public const double Ascent = 0.928;   // DejaVu Sans hhea ascender / unitsPerEm
    public const double Descent = 0.236;

    private static readonly ConcurrentDictionary<(double Size, bool Bold), XFont> FontCache = new();
    private static readonly double[] RegularWidths = new double[0x250];
    private static readonly double[] BoldWidths = new double[0x250];
    private static readonly ConcurrentDictionary<(char C, bool Bold), double> OtherWidths = new();
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode);
    private static readonly Lock MeasureGate = new();
    private static XGraphics? _measure;
    private static XFont? _measureRegular;
    private static XFont? _measureBold;

    static Fonts()
    {
        DocumentFonts.EnsureInstalled();
        Array.Fill(RegularWidths, double.NaN);
        Array.Fill(BoldWidths, double.NaN);
    }

    public static XFont Get(TextStyle style) => Get(style.Size, style.Bold);

    public static XFont Get(double size, bool bold)
        => FontCache.GetOrAdd((size, bold), static k => new XFont(DocumentFonts.Family, k.Size, k.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Options));

    public static double Width(string text, TextStyle style) => Width(text.AsSpan(), style.Size, style.Bold);

    public static double Width(ReadOnlySpan<char> text, double size, bool bold)
    {
        var table = bold ? BoldWidths : RegularWidths;
        double sum = 0;
        foreach (var c in text)
        {
            double w;
            if (c < table.Length)
            {
                w = table[c];
                if (double.IsNaN(w))
                {
                    w = MeasureUnit(c, bold);
                    table[c] = w;
                }
            }
            else
            {
                w = OtherWidths.GetOrAdd((c, bold), static k => MeasureUnit(k.C, k.Bold));
            }

            sum += w;
        }

        return sum * size;
    }

    /// <summary>Advance width of one character at size 1.</summary>
    private static double MeasureUnit(char c, bool bold)
    {
        lock (MeasureGate)
        {
            _measure ??= XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
            _measureRegular ??= new XFont(DocumentFonts.Family, 1000, XFontStyleEx.Regular, Options);
            _measureBold ??= new XFont(DocumentFonts.Family, 1000, XFontStyleEx.Bold, Options);
            return _measure.MeasureString(c.ToString(), bold ? _measureBold : _measureRegular).Width / 1000.0;
        }
    }
}

/// <summary>Greedy line breaking over spans; breaks at spaces and hard newlines, splits words wider than a line.</summary>
internal static class LineBreaker
{
    public const double Leading = 1.32;

    private readonly record struct Piece(string Text, TextStyle Style, double Width, bool SpaceBefore, bool HardBreakBefore);

    /// <summary>Long single-style paragraphs (the CGV annex of every proposal) laid out once per process.</summary>
    private const int CachedMinimumLength = 200;
    private const int CacheCapacity = 1024;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, TextStyle Style, double Width), TextLine[]> Cache = new();

    public static List<TextLine> Break(IReadOnlyList<Span> spans, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 1 && spans[0].Text.Length >= CachedMinimumLength)
        {
            var key = (spans[0].Text, spans[0].Style, maxWidth);
            if (Cache.TryGetValue(key, out var cached)) return [.. cached];
            var laid = BreakUncached(spans, maxWidth);
            if (Cache.Count < CacheCapacity) Cache.TryAdd(key, [.. laid]);
            return laid;
        }
        return BreakUncached(spans, maxWidth);
    }

    private static List<TextLine> BreakUncached(IReadOnlyList<Span> spans, double maxWidth)
    {
        var pieces = Tokenize(spans, maxWidth);
        var lines = new List<TextLine>();
        var current = new List<Piece>();
        double x = 0;
        var i = 0;
        while (i < pieces.Count)
        {
            // A group = pieces glued together without a space (e.g. "Prix :" in bold followed by ",").
            var end = i + 1;
            while (end < pieces.Count && !pieces[end].SpaceBefore && !pieces[end].HardBreakBefore)
            {
                end++;
            }

            double groupWidth = 0;
            for (var k = i; k < end; k++)
            {
                groupWidth += pieces[k].Width;
            }

            var first = pieces[i];
            if (first.HardBreakBefore && current.Count > 0)
            {
                lines.Add(Build(current));
                current = [];
                x = 0;
            }

            var space = current.Count > 0 && first.SpaceBefore ? Fonts.Width(" ", first.Style) : 0;
            if (current.Count > 0 && x + space + groupWidth > maxWidth + 0.01)
            {
                lines.Add(Build(current));
                current = [];
                x = 0;
                space = 0;
            }

            for (var k = i; k < end; k++)
            {
                var p = pieces[k];
                current.Add(k == i ? p with { SpaceBefore = space > 0 } : p);
            }

            x += space + groupWidth;
            i = end;
        }

        if (current.Count > 0)
        {
            lines.Add(Build(current));
        }

        if (lines.Count == 0 && spans.Count > 0)
        {
            var style = spans[0].Style;
            lines.Add(new TextLine([], 0, style.Size * Leading, style.Size));
        }

        return lines;
    }

    private static List<Piece> Tokenize(IReadOnlyList<Span> spans, double maxWidth)
    {
        var chars = 0;
        foreach (var span in spans)
        {
            chars += span.Text.Length;
        }

        var pieces = new List<Piece>((chars / 5) + 4);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var span in spans)
        {
            var text = span.Text;
            var start = -1;
            for (var j = 0; j <= text.Length; j++)
            {
                var c = j < text.Length ? text[j] : ' ';
                var isBreak = c == '\n';
                var isSpace = c == ' ' || c == '\t' || c == '\r';
                if (isBreak || isSpace)
                {
                    if (start >= 0)
                    {
                        AddWord(pieces, text.Substring(start, j - start), span.Style, pendingSpace, pendingBreak, maxWidth);
                        pendingSpace = false;
                        pendingBreak = false;
                        start = -1;
                    }

                    if (j < text.Length)
                    {
                        pendingSpace |= isSpace;
                        pendingBreak |= isBreak;
                    }
                }
                else if (start < 0)
                {
                    start = j;
                }
            }
        }

        return pieces;
    }

    private static void AddWord(List<Piece> pieces, string word, TextStyle style, bool spaceBefore, bool breakBefore, double maxWidth)
    {
        var width = Fonts.Width(word, style);
        if (width <= maxWidth)
        {
            pieces.Add(new Piece(word, style, width, spaceBefore || breakBefore, breakBefore));
            return;
        }

        // A word wider than the line (URL, IBAN without spaces...): cut it into chunks that fit.
        var chunkStart = 0;
        double chunkWidth = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var cw = Fonts.Width(word.AsSpan(k, 1), style.Size, style.Bold);
            if (chunkWidth + cw > maxWidth && k > chunkStart)
            {
                pieces.Add(new Piece(word[chunkStart..k], style, chunkWidth, chunkStart == 0 ? spaceBefore || breakBefore : true, chunkStart == 0 ? breakBefore : true));
                chunkStart = k;
                chunkWidth = 0;
            }

            chunkWidth += cw;
        }

        pieces.Add(new Piece(word[chunkStart..], style, chunkWidth, chunkStart == 0 ? spaceBefore || breakBefore : true, chunkStart == 0 ? breakBefore : true));
    }

    private static TextLine Build(List<Piece> pieces)
    {
        var segments = new List<Segment>();
        double x = 0;
        double maxSize = 0;
        var sb = new System.Text.StringBuilder();
        double segStart = 0;
        TextStyle? segStyle = null;
        foreach (var p in pieces)
        {
            maxSize = Math.Max(maxSize, p.Style.Size);
            var space = p.SpaceBefore ? Fonts.Width(" ", p.Style) : 0;
            if (segStyle is { } s && s == p.Style)
            {
                if (p.SpaceBefore)
                {
                    sb.Append(' ');
                }

                sb.Append(p.Text);
                x += space + p.Width;
                continue;
            }

            if (segStyle is { } prev)
            {
                segments.Add(new Segment(segStart, sb.ToString(), prev, x - segStart));
                sb.Clear();
            }

            x += space;
            segStart = x;
            segStyle = p.Style;
            sb.Append(p.Text);
            x += p.Width;
        }

        if (segStyle is { } last)
        {
            segments.Add(new Segment(segStart, sb.ToString(), last, x - segStart));
        }

        return new TextLine(segments, x, maxSize * Leading, maxSize);
    }
}
