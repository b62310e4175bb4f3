namespace Lexom.Training.Documents.Tests;

public class SampleDocumentsTests
{
    public static TheoryData<string> Samples => new(SampleDocuments.All.Select(s => s.FileName));

    private static byte[] Render(string fileName) => SampleDocuments.All.Single(s => s.FileName == fileName).Render(DocumentRenderer.Instance);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Qpdf_check_accepts_every_sample(string fileName) => PdfAssert.QpdfAccepts(Render(fileName), fileName);

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_word_of_any_sample_runs_outside_the_page(string fileName)
    {
        var pdf = PdfAssert.Read(Render(fileName));
        PdfAssert.WordsInsidePage(pdf);
        PdfAssert.PagesNumbered(pdf);
        Assert.All(pdf.Pages, p => Assert.Equal(595, p.Width, 0));
        Assert.All(pdf.Pages, p => Assert.Equal(842, p.Height, 0));
    }

    [Fact]
    public void RenderAll_writes_one_pdf_per_kind()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lexom-samples-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = SampleDocuments.RenderAll(dir);
            Assert.Equal(SampleDocuments.All.Count, written.Count);
            Assert.True(written.Count >= 9);
            Assert.All(written, path => Assert.StartsWith("%PDF-", File.ReadAllText(path)[..8]));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Rendering_is_thread_safe()
    {
        var expected = SampleDocuments.All.Select(s => PdfAssert.Read(s.Render(DocumentRenderer.Instance)).Text).ToArray();
        var results = new string[SampleDocuments.All.Count * 4];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results[i] = PdfAssert.Read(SampleDocuments.All[i % SampleDocuments.All.Count].Render(DocumentRenderer.Instance)).Text);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % expected.Length], results[i]);
        }
    }
}
