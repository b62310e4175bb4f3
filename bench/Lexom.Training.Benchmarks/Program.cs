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

if (args.Length == 1 && args[0] == "probe")
{
    Lexom.Training.Benchmarks.Probe.Run();
    return;
}

// `dotnet run -c Release -- quick`: a rough Stopwatch median per sample, for iterating before a BenchmarkDotNet run.
if (args.Length == 1 && args[0] == "quick")
{
    var renderer = DocumentRenderer.Instance;
    foreach (var (name, render) in SampleDocuments.All)
    {
        for (var i = 0; i < 20; i++)
        {
            render(renderer);
        }

        var times = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            render(renderer);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 100;
        times.Sort();
        Console.WriteLine($"{name,-45} median {times[50],7:0.00} ms  p90 {times[90],7:0.00} ms  alloc {allocated / 1024.0 / 1024.0,6:0.00} MB");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Lexom.Training.Benchmarks.DocumentBenchmarks).Assembly).Run(args);
