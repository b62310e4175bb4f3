using BenchmarkDotNet.Running;
using Lexom.Training.Documents;

// `dotnet run -c Release -- samples DIR` writes the sample PDFs; anything else goes to BenchmarkDotNet.
if (args.Length == 2 && args[0] == "samples")
{
    foreach (var path in SampleDocuments.RenderAll(args[1]))
    {
        Console.WriteLine(path);
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Lexom.Training.Benchmarks.DocumentBenchmarks).Assembly).Run(args);
