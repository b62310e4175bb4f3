using System.Diagnostics;
using System.Text.Json;

namespace Lexom.Training.Browser.Tests.QualityGates;

/// <summary>
/// The W3C Nu HTML checker (<c>vnu.jar</c> of the npm package vnu-jar, pinned in <c>tools/package.json</c> and installed by
/// <c>./lexom test</c>), run by the machine's Java over many files in one JVM: its start-up is the slow part.
/// </summary>
internal static class HtmlChecker
{
    public const string ToolsFolder = "tests/Lexom.Training.Browser.Tests/tools";

    /// <summary>The errors of each file (message, line and extract); warnings are left out. An empty list for a valid file.</summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> ErrorsAsync(string repositoryRoot, IReadOnlyCollection<string> files)
    {
        var jar = Path.Combine(repositoryRoot, ToolsFolder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} manque : lancez ./lexom test, ou `npm ci --ignore-scripts` dans {ToolsFolder}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home ? Path.Combine(home, "bin", "java") : "java")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-Xss4m", "-jar", jar, "--format", "json", "--exit-zero-always" }.Concat(files)) start.ArgumentList.Add(argument);

        using var java = Process.Start(start) ?? throw new InvalidOperationException("java n'a pas démarré.");
        // The report is written on the standard error; both streams are read at once so that neither fills up.
        var report = java.StandardError.ReadToEndAsync();
        var output = java.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            await java.WaitForExitAsync(timeout.Token);
        var json = await report;
        Assert.True(java.ExitCode == 0, $"vnu.jar a échoué ({java.ExitCode}) : {json}{await output}");

        var errors = files.ToDictionary(f => Path.GetFullPath(f), _ => new List<string>(), StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            var type = message.GetProperty("type").GetString();
            if (type == "info") continue; // info and warnings (type "info", subType "warning") are allowed
            // vnu names a file "file:/tmp/page.html" (one slash), which Uri does not read.
            var file = message.TryGetProperty("url", out var url) && url.GetString() is { } u && u.StartsWith("file:", StringComparison.Ordinal)
                ? Path.GetFullPath(Uri.UnescapeDataString(u["file:".Length..]))
                : "";
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
            var extract = message.TryGetProperty("extract", out var e) ? e.GetString()!.ReplaceLineEndings(" ") : "";
            var text = $"{type} ligne {line} : {message.GetProperty("message").GetString()} « {extract} »";
            if (errors.TryGetValue(file, out var list)) list.Add(text);
            else errors[file] = [text];
        }
        return errors;
    }
}
