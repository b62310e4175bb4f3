using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lexom.Training.Documents.Layout;

/// <summary>What every page carries: header (name, logo area, document title) and footer (legal line, "n / N").</summary>
internal sealed record PageChrome
{
    public required string DocumentTitle { get; init; }
    public required string DocumentReference { get; init; }
    public required string FooterLegalLine { get; init; }
    public bool PlaceholderBanner { get; init; }

    /// <summary>Draws a "Paraphe" box at the bottom of every page (documents the client initials).</summary>
    public bool InitialsBox { get; init; }
}

/// <summary>
/// A flowing document on A4 pages: blocks are laid out top to bottom from a cursor; a block that does not
/// fit continues on a new page (paragraphs line by line, tables row by row with their header repeated, and a
/// row taller than a page line by line). The footer's "n / N" is drawn once the page count is known.
/// Not thread-safe: one instance per document.
/// </summary>
internal sealed class FlowDocument : IDisposable
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double MarginX = 50;
    private const double ContentTop = 96;
    private const double FooterRuleY = PageHeight - 56;
    private const double InitialsReserve = 40;

    private readonly PdfDocument _pdf = new();
    private readonly List<(PdfPage Page, XGraphics Gfx)> _pages = [];
    private readonly Dictionary<uint, XSolidBrush> _brushes = [];
    private readonly PageChrome _chrome;
    private readonly double _marginX = MarginX;
    private List<TextLine>? _footerLines;

    [ThreadStatic]
    private static MemoryStream? _saveBuffer;
    private XGraphics _gfx = null!;
    private bool _disposed;

    public FlowDocument(PageChrome chrome, string title, string subject, string author)
    {
        DocumentFonts.EnsureInstalled();
        _chrome = chrome;
        _pdf.Info.Title = title;
        _pdf.Info.Subject = subject;
        _pdf.Info.Author = author;
        _pdf.Info.Creator = "Lexom.Training";
        _pdf.Language = "fr-FR";
        // Compressed by PdfStreamCompressor after saving: PDFsharp's own deflate output lacks the zlib checksum.
        _pdf.Options.NoCompression = true;
        _pdf.Options.CompressContentStreams = false;
        NewPage();
    }

    public double Left => _marginX;
    public double Right => PageWidth - _marginX;
    public double Width => Right - Left;
    public double Y { get; private set; }
    public double Bottom => FooterRuleY - 10 - (_chrome.InitialsBox ? InitialsReserve : 0);
    public double Remaining => Bottom - Y;
    public int PageCount => _pages.Count;

    // ---------- pages ----------

    public void NewPage()
    {
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _pages.Add((page, _gfx));
        DrawHeader(_gfx);
        Y = ContentTop;
    }

    /// <summary>Starts a new page unless the cursor is already at the top of one.</summary>
    public void PageBreak()
    {
        if (Y > ContentTop + 0.1)
        {
            NewPage();
        }
    }

    /// <summary>Keeps the next <paramref name="height"/> points together: new page when they do not fit.</summary>
    public void KeepSpace(double height)
    {
        if (height > Remaining && Y > ContentTop + 0.1)
        {
            NewPage();
        }
    }

    public void Space(double height)
    {
        Y = Math.Min(Y + height, Bottom);
    }

    // ---------- text ----------

    public void Heading(string text, int level)
    {
        var style = level switch { 1 => Theme.H1, 2 => Theme.H2, _ => Theme.H3 };
        var before = level switch { 1 => 4, 2 => 10, _ => 6 };
        var after = level switch { 1 => 8, 2 => 5, _ => 3 };
        var lines = LineBreaker.Break([new Span(text, style)], Width);
        var height = lines.Sum(l => l.Height);

        // Keep with next: the heading plus about four body lines (or a table header and its first row).
        KeepSpace(before + height + after + (level == 3 ? 36 : 56));
        if (Y > ContentTop + 0.1)
        {
            Y += before;
        }

        foreach (var line in lines)
        {
            DrawLine(line, Left, TextAlign.Left, Width);
            Y += line.Height;
        }

        if (level == 2)
        {
            _gfx.DrawLine(AccentPen, Left, Y + 1, Left + 36, Y + 1);
            Y += 3;
        }

        Y += after;
    }

    public void Paragraph(string text, TextStyle? style = null, TextAlign align = TextAlign.Left, double spaceAfter = 4, double indent = 0)
        => Paragraph([new Span(text, style ?? Theme.Body)], align, spaceAfter, indent);

    public void Paragraph(IReadOnlyList<Span> spans, TextAlign align = TextAlign.Left, double spaceAfter = 4, double indent = 0)
    {
        var width = Width - indent;
        var lines = LineBreaker.Break(spans, width);
        FlowLines(lines, Left + indent, width, align);
        Y += spaceAfter;
    }

    /// <summary>Bulleted (or numbered, through <paramref name="marker"/>) items; each item wraps under its own text.</summary>
    public void Bullets(IEnumerable<string> items, TextStyle? style = null, double indent = 0, Func<int, string>? marker = null, double spaceAfter = 4)
    {
        var s = style ?? Theme.Body;
        var n = 0;
        foreach (var item in items)
        {
            n++;
            Bullet([new Span(item, s)], marker?.Invoke(n) ?? "•", indent, spaceAfter: 1.5);
        }

        Y += spaceAfter - 1.5;
    }

    public void Bullet(IReadOnlyList<Span> spans, string marker = "•", double indent = 0, double spaceAfter = 1.5)
    {
        var style = spans.Count > 0 ? spans[0].Style : Theme.Body;
        var markerWidth = Math.Max(Fonts.Width(marker, style) + 4, style.Size * 1.2);
        var textLeft = Left + indent + markerWidth;
        var width = Right - textLeft;
        var lines = LineBreaker.Break(spans, width);
        if (lines.Count == 0)
        {
            return;
        }

        EnsureLine(lines[0].Height * Math.Min(2, lines.Count));
        DrawText(marker, style with { Color = style.Bold ? style.Color : Theme.Navy }, Left + indent, Y, lines[0]);
        FlowLines(lines, textLeft, width, TextAlign.Left);
        Y += spaceAfter;
    }

    private void FlowLines(List<TextLine> lines, double x, double width, TextAlign align)
    {
        // Avoid a lone first line at the bottom of a page (orphan).
        if (lines.Count > 1)
        {
            EnsureLine(lines[0].Height + lines[1].Height);
        }

        foreach (var line in lines)
        {
            EnsureLine(line.Height);
            DrawLine(line, x, align, width);
            Y += line.Height;
        }
    }

    private void EnsureLine(double height)
    {
        if (Y + height > Bottom + 0.01)
        {
            NewPage();
        }
    }

    private void DrawLine(TextLine line, double x, TextAlign align, double width)
        => DrawLineAt(_gfx, line, x, Y, align, width);

    private void DrawLineAt(XGraphics gfx, TextLine line, double x, double top, TextAlign align, double width)
    {
        var offset = align switch
        {
            TextAlign.Right => width - line.Width,
            TextAlign.Center => (width - line.Width) / 2,
            _ => 0,
        };
        var baseline = Baseline(top, line.Height, line.MaxSize);
        foreach (var seg in line.Segments)
        {
            gfx.DrawString(seg.Text, Fonts.Get(seg.Style), Brush(seg.Style.Color), x + offset + seg.X, baseline);
        }
    }

    private void DrawText(string text, TextStyle style, double x, double top, TextLine lineForMetrics)
        => _gfx.DrawString(text, Fonts.Get(style), Brush(style.Color), x, Baseline(top, lineForMetrics.Height, lineForMetrics.MaxSize));

    private static double Baseline(double top, double lineHeight, double size)
        => top + ((lineHeight - (size * (Fonts.Ascent + Fonts.Descent))) / 2) + (size * Fonts.Ascent);

    // ---------- tables ----------

    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<TableRow> rows, TableOptions? options = null)
    {
        var o = options ?? new TableOptions();
        var tableWidth = o.Width ?? Width;
        var x0 = o.AlignRight ? Right - tableWidth : Left;
        var totalWeight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => c.Weight / totalWeight * tableWidth).ToArray();
        var xs = new double[columns.Count];
        for (var i = 1; i < xs.Length; i++)
        {
            xs[i] = xs[i - 1] + widths[i - 1];
        }

        var headerLines = o.ShowHeader
            ? columns.Select((c, i) => LineBreaker.Break([new Span(c.Header, o.Body.WithBold().WithColor(Theme.White).WithSize(o.Body.Size - 0.5))], widths[i] - (2 * o.PadX))).ToArray()
            : null;
        var headerHeight = headerLines is null ? 0 : headerLines.Max(l => l.Sum(x => x.Height)) + (2 * o.PadY);

        void DrawHeader()
        {
            if (headerLines is null)
            {
                return;
            }

            _gfx.DrawRectangle(Brush(Theme.Navy), x0, Y, tableWidth, headerHeight);
            for (var c = 0; c < columns.Count; c++)
            {
                var top = Y + o.PadY;
                foreach (var line in headerLines[c])
                {
                    DrawLineAt(_gfx, line, x0 + xs[c] + o.PadX, top, columns[c].Align, widths[c] - (2 * o.PadX));
                    top += line.Height;
                }
            }

            Y += headerHeight;
        }

        var rowIndex = 0;
        var first = true;
        foreach (var row in rows)
        {
            var style = row.Kind switch
            {
                RowKind.Total => o.Body.WithBold(),
                RowKind.Strong => o.Body.WithBold().WithColor(Theme.White),
                _ => o.Body,
            };
            var cellLines = new List<TextLine>[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var text = c < row.Cells.Count ? row.Cells[c] : string.Empty;
                var cellStyle = c == 0 && o.BoldFirstColumn ? style.WithBold() : style;
                cellLines[c] = LineBreaker.Break([new Span(text, cellStyle)], widths[c] - (2 * o.PadX));
            }

            var rowHeight = cellLines.Max(l => l.Sum(x => x.Height)) + (2 * o.PadY);
            if (first)
            {
                // The header never ends a page alone.
                KeepSpace(headerHeight + Math.Min(rowHeight, 60));
                DrawHeader();
                first = false;
            }

            var starts = new int[columns.Count];
            var fill = row.Kind switch
            {
                RowKind.Strong => Theme.Navy,
                RowKind.Total => Theme.Fill,
                _ => o.Zebra && rowIndex % 2 == 1 ? Theme.Zebra : (uint?)null,
            };
            while (true)
            {
                var remainingHeight = RemainingHeight(cellLines, starts) + (2 * o.PadY);
                var fullPage = Bottom - ContentTop - headerHeight;
                if (remainingHeight <= Remaining + 0.01)
                {
                    DrawRowPart(cellLines, starts, int.MaxValue, remainingHeight, x0, xs, widths, columns, o, fill, tableWidth);
                    break;
                }

                if (remainingHeight <= fullPage && Array.TrueForAll(starts, s => s == 0))
                {
                    NewPage();
                    DrawHeader();
                    continue;
                }

                // Taller than a page: draw what fits, line by line, and continue on the next page.
                var avail = Remaining - (2 * o.PadY);
                var minLine = cellLines.Where((l, c) => starts[c] < l.Count).Select((l, _) => l[0].Height).DefaultIfEmpty(0).Max();
                if (avail < minLine)
                {
                    NewPage();
                    DrawHeader();
                    continue;
                }

                DrawRowPart(cellLines, starts, avail, avail + (2 * o.PadY), x0, xs, widths, columns, o, fill, tableWidth);
                NewPage();
                DrawHeader();
            }

            rowIndex++;
        }

        Y += o.SpaceAfter;
    }

    private static double RemainingHeight(List<TextLine>[] cellLines, int[] starts)
    {
        double max = 0;
        for (var c = 0; c < cellLines.Length; c++)
        {
            double h = 0;
            for (var i = starts[c]; i < cellLines[c].Count; i++)
            {
                h += cellLines[c][i].Height;
            }

            max = Math.Max(max, h);
        }

        return max;
    }

    private void DrawRowPart(List<TextLine>[] cellLines, int[] starts, double maxTextHeight, double height, double x0, double[] xs, double[] widths,
        IReadOnlyList<TableColumn> columns, TableOptions o, uint? fill, double tableWidth)
    {
        if (fill is { } f)
        {
            _gfx.DrawRectangle(Brush(f), x0, Y, tableWidth, height);
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var top = Y + o.PadY;
            var used = 0.0;
            while (starts[c] < cellLines[c].Count)
            {
                var line = cellLines[c][starts[c]];
                if (used + line.Height > maxTextHeight + 0.01)
                {
                    break;
                }

                DrawLineAt(_gfx, line, x0 + xs[c] + o.PadX, top, columns[c].Align, widths[c] - (2 * o.PadX));
                top += line.Height;
                used += line.Height;
                starts[c]++;
            }
        }

        if (o.Rules)
        {
            _gfx.DrawLine(RulePen, x0, Y + height, x0 + tableWidth, Y + height);
        }

        Y += height;
    }

    // ---------- boxes ----------

    /// <summary>Boxes side by side (parties, signatures), kept on one page; each has a title bar and paragraphs.</summary>
    public void Boxes(IReadOnlyList<BoxSpec> boxes, double minHeight = 0, double gap = 12, double spaceAfter = 8)
    {
        var boxWidth = (Width - (gap * (boxes.Count - 1))) / boxes.Count;
        const double pad = 6;
        var titleStyle = new TextStyle(8, true, Theme.Navy);
        var titleHeight = (titleStyle.Size * LineBreaker.Leading) + 6;
        var laid = boxes.Select(b => b.Paragraphs.Select(p => LineBreaker.Break(p, boxWidth - (2 * pad))).ToList()).ToList();
        var height = Math.Max(minHeight, laid.Max(ps => ps.Sum(p => p.Sum(l => l.Height) + 2)) + titleHeight + (2 * pad));
        height = Math.Min(height, Bottom - ContentTop);
        KeepSpace(height);
        for (var b = 0; b < boxes.Count; b++)
        {
            var x = Left + (b * (boxWidth + gap));
            _gfx.DrawRectangle(Brush(Theme.Fill), x, Y, boxWidth, titleHeight);
            _gfx.DrawRectangle(BoxPen, x, Y, boxWidth, height);
            var titleLine = LineBreaker.Break([new Span(boxes[b].Title, titleStyle)], boxWidth - (2 * pad))[0];
            DrawLineAt(_gfx, titleLine, x + pad, Y + 3, TextAlign.Left, boxWidth - (2 * pad));
            var top = Y + titleHeight + pad;
            foreach (var para in laid[b])
            {
                foreach (var line in para)
                {
                    if (top + line.Height > Y + height - 2)
                    {
                        break;
                    }

                    DrawLineAt(_gfx, line, x + pad, top, TextAlign.Left, boxWidth - (2 * pad));
                    top += line.Height;
                }

                top += 2;
            }
        }

        Y += height + spaceAfter;
    }

    /// <summary>A framed block with paragraphs on the left and a QR code on the right.</summary>
    public void QrBox(string title, IReadOnlyList<IReadOnlyList<Span>> paragraphs, bool[][] modules, double qrSize, string qrCaption)
    {
        const double pad = 8;
        var textWidth = Width - qrSize - (3 * pad);
        var titleStyle = new TextStyle(9, true, Theme.Navy);
        var laid = paragraphs.Select(p => LineBreaker.Break(p, textWidth)).ToList();
        var textHeight = (titleStyle.Size * LineBreaker.Leading) + 4 + laid.Sum(p => p.Sum(l => l.Height) + 2);
        var captionLines = LineBreaker.Break([new Span(qrCaption, Theme.Small)], qrSize + 10);
        var qrBlock = qrSize + 2 + captionLines.Sum(l => l.Height);
        var height = Math.Max(textHeight, qrBlock) + (2 * pad);
        KeepSpace(height);
        _gfx.DrawRectangle(BoxPen, Left, Y, Width, height);
        var top = Y + pad;
        DrawLineAt(_gfx, LineBreaker.Break([new Span(title, titleStyle)], textWidth)[0], Left + pad, top, TextAlign.Left, textWidth);
        top += (titleStyle.Size * LineBreaker.Leading) + 4;
        foreach (var para in laid)
        {
            foreach (var line in para)
            {
                DrawLineAt(_gfx, line, Left + pad, top, TextAlign.Left, textWidth);
                top += line.Height;
            }

            top += 2;
        }

        var qx = Right - pad - qrSize;
        DrawQr(_gfx, modules, qx, Y + pad, qrSize);
        var ct = Y + pad + qrSize + 2;
        foreach (var line in captionLines)
        {
            DrawLineAt(_gfx, line, qx - 5, ct, TextAlign.Center, qrSize + 10);
            ct += line.Height;
        }

        Y += height + 8;
    }

    private void DrawQr(XGraphics gfx, bool[][] modules, double x, double y, double size)
    {
        var n = modules.Length;
        var m = size / n;
        var path = new XGraphicsPath();
        for (var r = 0; r < n; r++)
        {
            var row = modules[r];
            var c = 0;
            while (c < n)
            {
                if (!row[c])
                {
                    c++;
                    continue;
                }

                var start = c;
                while (c < n && row[c])
                {
                    c++;
                }

                // Slight overlap avoids hairline gaps between modules in some viewers.
                path.AddRectangle(x + (start * m), y + (r * m), ((c - start) * m) + 0.05, m + 0.05);
            }
        }

        // One path, one fill: far fewer operators than a rectangle per run.
        path.FillMode = XFillMode.Winding;
        gfx.DrawPath(Brush(0xFF000000), path);
    }

    // ---------- chrome ----------

    private static readonly XPen AccentPen = new(ToColor(Theme.Accent), 1.2);
    private static readonly XPen NavyPen = new(ToColor(Theme.Navy), 0.8);
    private static readonly XPen InitialsPen = new(ToColor(Theme.Navy), 0.6);
    private static readonly XPen RulePen = new(ToColor(Theme.Rule), 0.5);
    private static readonly XPen BoxPen = new(ToColor(Theme.Rule), 0.8);

    private static XColor ToColor(uint argb) => XColor.FromArgb(unchecked((int)argb));

    private XSolidBrush Brush(uint color)
    {
        if (!_brushes.TryGetValue(color, out var brush))
        {
            brush = new XSolidBrush(ToColor(color));
            _brushes[color] = brush;
        }

        return brush;
    }

    private void DrawHeader(XGraphics gfx)
    {
        // Logo area: a monogram tile, replaceable by the real logo.
        var tile = new XRect(MarginX, 30, 36, 36);
        gfx.DrawRoundedRectangle(Brush(Theme.Navy), tile, new XSize(7, 7));
        gfx.DrawRectangle(Brush(Theme.Accent), tile.X + 7, tile.Bottom - 9, 22, 2.5);
        var mono = Fonts.Get(19, true);
        var monoWidth = Fonts.Width("L", new TextStyle(19, true, Theme.White));
        gfx.DrawString("L", mono, Brush(Theme.White), tile.X + ((tile.Width - monoWidth) / 2), tile.Y + 25);

        gfx.DrawString("LEXOM", Fonts.Get(16, true), Brush(Theme.Navy), MarginX + 46, 47);
        gfx.DrawString("Organisme de formation professionnelle", Fonts.Get(7.5, false), Brush(Theme.Muted), MarginX + 46, 59);

        var titleStyle = new TextStyle(10.5, true, Theme.Navy);
        var refStyle = new TextStyle(8, false, Theme.Muted);
        DrawRight(gfx, _chrome.DocumentTitle, titleStyle, 44);
        DrawRight(gfx, _chrome.DocumentReference, refStyle, 56);
        if (_chrome.PlaceholderBanner)
        {
            DrawRight(gfx, "IDENTITÉ VENDEUR FICTIVE (DÉMO) — À CONFIGURER", new TextStyle(7, true, Theme.Warning), 67);
        }

        gfx.DrawLine(NavyPen, MarginX, 76, PageWidth - MarginX, 76);
    }

    private void DrawRight(XGraphics gfx, string text, TextStyle style, double baseline)
    {
        var maxWidth = (PageWidth - (2 * MarginX)) * 0.6;
        // Header texts are short; anything wider than 60 % of the page is shrunk to fit on one line.
        var width = Fonts.Width(text, style);
        if (width > maxWidth)
        {
            style = style.WithSize(style.Size * maxWidth / width);
            width = maxWidth;
        }

        var line = LineBreaker.Break([new Span(text, style)], maxWidth + 1)[0];
        var x = PageWidth - MarginX - width;
        foreach (var s in line.Segments)
        {
            gfx.DrawString(s.Text, Fonts.Get(s.Style), Brush(s.Style.Color), x + s.X, baseline);
        }
    }

    private void DrawFooter(XGraphics gfx, int number, int count)
    {
        gfx.DrawLine(RulePen, MarginX, FooterRuleY, PageWidth - MarginX, FooterRuleY);

        var top = FooterRuleY + 4;
        var legalWidth = PageWidth - (2 * MarginX) - 45;
        _footerLines ??= LineBreaker.Break([new Span(_chrome.FooterLegalLine, new TextStyle(6.3, false, Theme.Muted))], legalWidth).Take(4).ToList();
        foreach (var line in _footerLines)
        {
            DrawLineAt(gfx, line, MarginX, top, TextAlign.Left, legalWidth);
            top += line.Height;
        }

        var pageText = $"{number} / {count}";
        var pageStyle = new TextStyle(8, true, Theme.Navy);
        var pageWidth = Fonts.Width(pageText, pageStyle);
        gfx.DrawString(pageText, Fonts.Get(pageStyle), Brush(pageStyle.Color), PageWidth - MarginX - pageWidth, FooterRuleY + 13);

        if (_chrome.InitialsBox)
        {
            var box = new XRect(PageWidth - MarginX - 150, FooterRuleY - 10 - InitialsReserve + 6, 150, InitialsReserve - 8);
            gfx.DrawRectangle(InitialsPen, box);
            gfx.DrawString("Paraphe du client", Fonts.Get(6.5, false), Brush(Theme.Muted), box.X + 4, box.Y + 8);
        }
    }

    /// <summary>Draws the footers ("n / N") and returns the PDF bytes.</summary>
    public byte[] Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var i = 0; i < _pages.Count; i++)
        {
            DrawFooter(_pages[i].Gfx, i + 1, _pages.Count);
        }

        foreach (var (_, gfx) in _pages)
        {
            gfx.Dispose();
        }

        _pages.Clear();
        // The uncompressed save goes to a per-thread buffer, reused: it is large (fonts) and would otherwise
        // land on the large object heap at every document, forcing gen-2 collections.
        var stream = _saveBuffer ??= new MemoryStream(512 * 1024);
        stream.SetLength(0);
        _pdf.Save(stream, false);
        _disposed = true;
        var bytes = PdfStreamCompressor.Compress(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        if (stream.Capacity > 4 * 1024 * 1024)
        {
            _saveBuffer = null; // an exceptional document: do not keep its buffer
        }

        return bytes;
    }

    public void Dispose()
    {
        foreach (var (_, gfx) in _pages)
        {
            gfx.Dispose();
        }

        _pages.Clear();
        _pdf.Dispose();
        _disposed = true;
    }
}

internal sealed record TableColumn(string Header, double Weight, TextAlign Align = TextAlign.Left);

internal enum RowKind
{
    Normal,
    Total,
    Strong,
}

internal sealed record TableRow(IReadOnlyList<string> Cells, RowKind Kind = RowKind.Normal)
{
    public static TableRow Of(params string[] cells) => new(cells);
}

internal sealed record TableOptions
{
    public bool ShowHeader { get; init; } = true;
    public double? Width { get; init; }
    public bool AlignRight { get; init; }
    public bool Zebra { get; init; } = true;
    public bool Rules { get; init; } = true;
    public bool BoldFirstColumn { get; init; }
    public TextStyle Body { get; init; } = Theme.Body;
    public double PadX { get; init; } = 4;
    public double PadY { get; init; } = 3;
    public double SpaceAfter { get; init; } = 8;
}

internal sealed record BoxSpec(string Title, IReadOnlyList<IReadOnlyList<Span>> Paragraphs)
{
    public static BoxSpec Lines(string title, IEnumerable<string> lines, TextStyle? style = null)
        => new(title, lines.Select(l => (IReadOnlyList<Span>)[new Span(l, style ?? Theme.Body)]).ToList());
}
