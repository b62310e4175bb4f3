using System.Diagnostics;
using System.Net;
using Lexom.Training.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Lexom.Training.Web.Tests;

/// <summary>The PDFs the web app serves today: the course sheet, and the samples command.</summary>
public sealed class DocumentsEndpointsTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task LW6_the_course_page_offers_its_programme_as_a_PDF_with_every_objective()
    {
        using var client = app.NewClient();
        Assert.Contains("href=\"/formations/RCL-RCL-02/programme.pdf\"", await client.GetPageAsync("/formations/RCL-RCL-02"), StringComparison.Ordinal);

        using var response = await client.GetAsync("/formations/rcl-rcl-02/programme.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("programme-RCL-RCL-02.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[] { "CRM", "fondamentaux", "RCL-RCL-02", "Prioriser", "capital", "stratégie", "Identifier", "enjeux", "Segmentation" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/formations/XYZ-404/programme.pdf")]
    [InlineData("/formations/%3Cx%3E/programme.pdf")]
    public async Task An_unknown_course_has_no_programme(string url)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Render_samples_writes_one_valid_PDF_of_every_document_kind()
    {
        var output = Path.Combine(Path.GetTempPath(), "lexom-samples-" + Guid.NewGuid().ToString("N")[..8]);
        // No connection string at all: the samples need no database.
        try
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Lexom.Training.Web.dll");
            var (code, stdout, stderr) = await RunAsync("dotnet", $"\"{dll}\" render-samples --out \"{output}\"",
                new Dictionary<string, string> { ["ConnectionStrings__Lexom"] = "" });
            Assert.True(code == 0, stderr);
            var files = Directory.GetFiles(output, "*.pdf").Select(Path.GetFileName).Order().ToList();
            Assert.True(files.Count >= 8, "Échantillons : " + string.Join(", ", files));
            foreach (var kind in new[] { "proposition", "convention", "contrat", "acompte", "facture", "avoir", "attestation", "programme" })
                Assert.Contains(files, f => f!.Contains(kind, StringComparison.OrdinalIgnoreCase));
            foreach (var file in Directory.GetFiles(output, "*.pdf"))
            {
                var (qpdf, _, qpdfErr) = await RunAsync("qpdf", $"--check \"{file}\"");
                Assert.True(qpdf == 0, $"qpdf --check {file}: {qpdfErr}");
            }
            Assert.Contains(output, stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Create_admin_makes_the_first_real_administrator_who_can_sign_in()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Lexom.Training.Web.dll");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Lexom"] = app.ConnectionString,
            ["LEXOM_ADMIN_PASSWORD"] = "un long chemin vers la montagne",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var (code, stdout, stderr) = await RunAsync("dotnet", $"\"{dll}\" create-admin --email directrice@lexom.test --name \"Claire Directrice\"", environment);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("Compte administrateur créé : directrice@lexom.test", stdout, StringComparison.Ordinal);

        using var client = app.NewClient();
        await client.LoginAsync("directrice@lexom.test", "un long chemin vers la montagne");
        Assert.Contains("Nouvelle formation", await client.GetPageAsync("/gestion/catalogue"), StringComparison.Ordinal);

        // A common password is refused, in French, and no account is created.
        environment["LEXOM_ADMIN_PASSWORD"] = "password1234";
        var (refused, _, refusal) = await RunAsync("dotnet", $"\"{dll}\" create-admin --email faible@lexom.test", environment);
        Assert.Equal(1, refused);
        Assert.Contains("Ce mot de passe figure parmi les plus courants", refusal, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string file, string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // As an operator would: from a folder that is not the assembly's.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
