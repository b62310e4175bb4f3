using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Lexom.Training.Documents.Tests;

/// <summary>One page read back with PdfPig: its words (with boxes) and their text joined by single spaces.</summary>
public sealed record PageText(int Number, double Width, double Height, IReadOnlyList<(string Text, double Left, double Bottom, double Right, double Top)> Words)
{
    public string Text { get; } = PdfAssert.Normalize(string.Join(' ', Words.Select(w => w.Text)));

    /// <summary>
    /// Text of the flowing content area only: below the header rule, above the footer rule, and above the
    /// initials box when the page has one.
    /// </summary>
    public string ContentText()
    {
        var bottom = Text.Contains("Paraphe du client", StringComparison.Ordinal) ? 745 : 785;
        return PdfAssert.Normalize(string.Join(' ', Words.Where(w => Height - w.Top >= 88 && Height - w.Bottom <= bottom).Select(w => w.Text)));
    }
}

public sealed record ReadPdf(IReadOnlyList<PageText> Pages)
{
    public string Text { get; } = string.Join(' ', Pages.Select(p => p.Text));

    public string ContentText => PdfAssert.Normalize(string.Join(' ', Pages.Select(p => p.ContentText())));

    public int Count(string fragment) => Regex.Count(Text, Regex.Escape(PdfAssert.Normalize(fragment)));
}

public static class PdfAssert
{
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.Compiled);

    /// <summary>Every Unicode space (U+202F in fr-FR numbers, U+00A0 before €) becomes one ASCII space.</summary>
    public static string Normalize(string text) => Spaces.Replace(text, " ").Trim();

    public static ReadPdf Read(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var pages = doc.GetPages().Select(p => new PageText(
            p.Number,
            p.Width,
            p.Height,
            p.GetWords().Select(w => (w.Text, w.BoundingBox.Left, w.BoundingBox.Bottom, w.BoundingBox.Right, w.BoundingBox.Top)).ToList())).ToList();
        return new ReadPdf(pages);
    }

    public static void Contains(ReadPdf pdf, params string[] fragments)
    {
        foreach (var f in fragments)
        {
            var n = Normalize(f);
            Assert.True(pdf.Text.Contains(n, StringComparison.Ordinal), $"Expected the PDF text to contain «{n}».");
        }
    }

    public static void DoesNotContain(ReadPdf pdf, params string[] fragments)
    {
        foreach (var f in fragments)
        {
            var n = Normalize(f);
            Assert.False(pdf.Text.Contains(n, StringComparison.Ordinal), $"Expected the PDF text NOT to contain «{n}».");
        }
    }

    /// <summary>Each page i carries "i / N".</summary>
    public static void PagesNumbered(ReadPdf pdf)
    {
        var n = pdf.Pages.Count;
        foreach (var page in pdf.Pages)
        {
            Assert.True(page.Text.EndsWith($"{page.Number} / {n}", StringComparison.Ordinal) || page.Text.Contains($" {page.Number} / {n} ", StringComparison.Ordinal),
                $"Page {page.Number} should carry «{page.Number} / {n}».");
        }
    }

    /// <summary>No word's bounding box leaves the page (media box), with the page margins kept.</summary>
    public static void WordsInsidePage(ReadPdf pdf, double margin = 20)
    {
        foreach (var page in pdf.Pages)
        {
            foreach (var w in page.Words)
            {
                Assert.True(w.Left >= margin && w.Right <= page.Width - margin && w.Bottom >= margin && w.Top <= page.Height - margin,
                    $"Page {page.Number}: word «{w.Text}» at [{w.Left:0.#}, {w.Bottom:0.#}, {w.Right:0.#}, {w.Top:0.#}] runs outside the page {page.Width:0.#}×{page.Height:0.#} (margin {margin}).");
            }
        }
    }

    /// <summary>Runs <c>qpdf --check</c> and fails with its output unless it exits 0 (no error, no warning).</summary>
    public static void QpdfAccepts(byte[] pdf, string name)
    {
        var qpdf = FindQpdf();
        var path = Path.Combine(Path.GetTempPath(), $"lexom-{Guid.NewGuid():N}-{name}");
        File.WriteAllBytes(path, pdf);
        try
        {
            var psi = new ProcessStartInfo(qpdf, ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var output = new StringBuilder();
            output.Append(p.StandardOutput.ReadToEnd()).Append(p.StandardError.ReadToEnd());
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, $"qpdf --check {name} exited {p.ExitCode}:\n{output}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string FindQpdf()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, "qpdf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("qpdf is not installed: these tests need it (apt-get install -y qpdf poppler-utils).");
        return "";
    }
}
