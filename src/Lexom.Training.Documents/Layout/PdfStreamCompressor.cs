using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Lexom.Training.Documents.Layout;

/// <summary>
/// Compresses the streams of a PDF that PDFsharp saved uncompressed, and rewrites its cross-reference table.
/// Why: PDFsharp 6.2.4 writes FlateDecode streams as a zlib header plus raw deflate data without the Adler-32
/// trailer (see its FlateDecode.Encode), which <c>qpdf --check</c> reports as a warning and strict readers may
/// refuse. So documents are saved with <c>NoCompression</c> and compressed here with <see cref="ZLibStream"/>,
/// which writes complete zlib streams. Works on PDFsharp's own output: classic xref table, direct /Length.
/// </summary>
internal static class PdfStreamCompressor
{
    private static readonly byte[] StreamStart = ">>\nstream\n"u8.ToArray();
    private static readonly byte[] EndObj = "endobj"u8.ToArray();
    private static readonly byte[] EndStream = "\nendstream\nendobj\n"u8.ToArray();

    public static byte[] Compress(ReadOnlySpan<byte> pdf)
    {
        var output = _output ??= new MemoryStream(256 * 1024);
        output.SetLength(0);
        var offsets = new Dictionary<int, long>();
        var pos = FirstObject(pdf);
        output.Write(pdf[..pos]);
        while (true)
        {
            pos = SkipWhitespace(pdf, pos);
            if (pdf[pos..].StartsWith("xref"u8))
            {
                break;
            }

            var headerStart = pos;
            var objNum = ReadObjectHeader(pdf, ref pos);
            offsets[objNum] = output.Position;
            var rest = pdf[pos..];
            var endObj = rest.IndexOf(EndObj);
            var streamStart = rest.IndexOf(StreamStart);
            if (streamStart < 0 || (endObj >= 0 && endObj < streamStart))
            {
                // Plain object: copy "N G obj ... endobj\n" as is (the object header was consumed from pos).
                var end = pos + endObj + EndObj.Length;
                output.Write(pdf[headerStart..end]);
                output.WriteByte((byte)'\n');
                pos = end;
                continue;
            }

            var objStart = headerStart;
            var dictEnd = pos + streamStart + 2; // after ">>"
            var dict = Encoding.Latin1.GetString(pdf[objStart..dictEnd]);
            var length = ParseLength(dict);
            var dataStart = pos + streamStart + StreamStart.Length;
            var data = pdf.Slice(dataStart, length);
            var after = dataStart + length;
            if (!pdf[after..].StartsWith(EndStream))
            {
                throw new InvalidOperationException($"Unexpected stream end in object {objNum}.");
            }

            if (!dict.Contains("/Filter", StringComparison.Ordinal) && !dict.Contains("/Metadata", StringComparison.Ordinal) && length > 64)
            {
                var compressed = Deflate(data);
                var newDict = ReplaceLength(dict, compressed.Length);
                newDict = newDict[..^2] + "/Filter/FlateDecode>>";
                output.Write(Encoding.Latin1.GetBytes(newDict));
                output.Write("\nstream\n"u8);
                output.Write(compressed);
            }
            else
            {
                output.Write(pdf[objStart..dictEnd]);
                output.Write("\nstream\n"u8);
                output.Write(data);
            }

            output.Write(EndStream);
            pos = after + EndStream.Length;
        }

        // Rewrite the cross-reference table and keep PDFsharp's trailer dictionary.
        var trailerStart = pdf[pos..].IndexOf("trailer"u8) + pos;
        var startXref = pdf[trailerStart..].IndexOf("startxref"u8) + trailerStart;
        var xrefOffset = output.Position;
        var size = offsets.Keys.Max() + 1;
        var sb = new StringBuilder(32 + (size * 20));
        sb.Append("xref\n0 ").Append(size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("0000000000 65535 f \n");
        for (var i = 1; i < size; i++)
        {
            sb.Append(offsets.TryGetValue(i, out var off)
                ? off.ToString("0000000000", CultureInfo.InvariantCulture) + " 00000 n \n"
                : "0000000000 00000 f \n");
        }

        output.Write(Encoding.ASCII.GetBytes(sb.ToString()));
        output.Write(pdf[trailerStart..startXref]);
        output.Write(Encoding.ASCII.GetBytes($"startxref\n{xrefOffset.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n"));
        var result = output.ToArray();
        if (output.Capacity > 4 * 1024 * 1024)
        {
            _output = null;
        }

        return result;
    }

    private static ReadOnlySpan<byte> Deflate(ReadOnlySpan<byte> data)
    {
        var ms = _deflate ??= new MemoryStream(128 * 1024);
        ms.SetLength(0);
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.GetBuffer().AsSpan(0, (int)ms.Length);
    }

    // Per-thread buffers, reused across documents (rendering is synchronous on one thread).
    [ThreadStatic]
    private static MemoryStream? _output;

    [ThreadStatic]
    private static MemoryStream? _deflate;

    private static int FirstObject(ReadOnlySpan<byte> pdf)
    {
        // Header: "%PDF-1.x\n" then an optional binary comment line; the first object follows.
        var i = pdf.IndexOf("\n1 0 obj"u8);
        if (i < 0)
        {
            throw new InvalidOperationException("Not a PDFsharp document: object 1 not found.");
        }

        return i + 1;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> pdf, int pos)
    {
        while (pos < pdf.Length && pdf[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }

        return pos;
    }

    /// <summary>Reads "N G obj" and leaves <paramref name="pos"/> after "obj"; returns N.</summary>
    private static int ReadObjectHeader(ReadOnlySpan<byte> pdf, ref int pos)
    {
        var start = pos;
        var n = 0;
        while (pdf[pos] is >= (byte)'0' and <= (byte)'9')
        {
            n = (n * 10) + (pdf[pos] - '0');
            pos++;
        }

        if (pos == start)
        {
            throw new InvalidOperationException($"Object number expected at offset {start}.");
        }

        var obj = pdf[pos..].IndexOf("obj"u8);
        if (obj < 0 || obj > 16)
        {
            throw new InvalidOperationException($"'obj' expected at offset {pos}.");
        }

        pos += obj + 3;
        return n;
    }

    private static int ParseLength(string dict)
    {
        var i = dict.IndexOf("/Length ", StringComparison.Ordinal);
        if (i < 0)
        {
            throw new InvalidOperationException("Stream without a direct /Length.");
        }

        var j = i + 8;
        var k = j;
        while (k < dict.Length && char.IsAsciiDigit(dict[k]))
        {
            k++;
        }

        if (k < dict.Length && dict[k] == ' ' && k + 1 < dict.Length && char.IsAsciiDigit(dict[k + 1]))
        {
            throw new InvalidOperationException("Indirect /Length is not supported.");
        }

        return int.Parse(dict.AsSpan(j, k - j), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string ReplaceLength(string dict, int length)
    {
        var i = dict.IndexOf("/Length ", StringComparison.Ordinal) + 8;
        var k = i;
        while (k < dict.Length && char.IsAsciiDigit(dict[k]))
        {
            k++;
        }

        return string.Concat(dict.AsSpan(0, i), length.ToString(CultureInfo.InvariantCulture), dict.AsSpan(k));
    }
}
