using System.Diagnostics;
using Lexom.Training.Documents;
using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Benchmarks;

/// <summary>Rough timings of the parts of a render (`probe`), to see where the time goes.</summary>
internal static class Probe
{
    public static void Run()
    {
        var payload = EpcQrCode.Payload("LEXOM", "FR7630006000011234567890189", "AGRIFRPPXXX", 1285.20m, "Acompte PC-2026-0043");
        Time("QR modules", () => EpcQrCode.Modules(payload));
        var cgv = Cgv.Text;
        Time("Line-break the whole CGV at 495 pt", () => LineBreaker.Break([new Span(cgv, Theme.Legal)], 495));
        var pdf = DocumentRenderer.Instance.Render(SampleDocuments.ShortProposal());
        Time("Read nothing (baseline)", () => pdf.Length);
    }

    private static void Time(string name, Func<object> action)
    {
        for (var i = 0; i < 20; i++)
        {
            action();
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            action();
        }

        Console.WriteLine($"{name,-45} {sw.Elapsed.TotalMilliseconds / 100,7:0.000} ms");
    }
}
