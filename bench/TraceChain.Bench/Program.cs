using System.Diagnostics;
using TraceChain.Bench;

// Usage: TraceChain.Bench [--quick] [--only NAME[,NAME...]] [--out DIR]
var quick = args.Contains("--quick");
var only = ValueAfter("--only");
var root = ValueAfter("--out") ?? FindRepositoryRoot();
var scratch = Directory.CreateTempSubdirectory("tracechain-bench-").FullName;
var context = new BenchContext(quick, root, scratch);
var budget = TimeSpan.FromSeconds(quick ? 90 : 15 * 60);
using var cts = new CancellationTokenSource(budget);

var benchmarks = BenchmarkSelection.Select(
    typeof(IBenchmark).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
        .Select(t => (IBenchmark)Activator.CreateInstance(t)!),
    only);

var figures = new List<Figure>();
var failures = new Dictionary<string, string>();
foreach (var benchmark in benchmarks)
{
    Console.WriteLine($"== {benchmark.Name}");
    var watch = Stopwatch.StartNew();
    try
    {
        var result = await benchmark.RunAsync(context, cts.Token);
        foreach (var figure in result)
        {
            Console.WriteLine($"   {figure.Name} = {figure.Value:G6} {figure.Unit}" + (figure.Ratio is { } r ? $" (ratio {r:G4})" : ""));
        }

        figures.AddRange(result);
    }
    catch (Exception ex) when (ex is not OutOfMemoryException)
    {
        failures[benchmark.Name] = ex.Message;
        Console.Error.WriteLine($"   failed: {ex.Message}");
    }

    Console.WriteLine($"   ({watch.Elapsed.TotalSeconds:0.0} s)");
}

var commit = Git("rev-parse --short HEAD") ?? "unknown";
Directory.CreateDirectory(Path.Combine(root, "bench"));
await File.WriteAllTextAsync(Path.Combine(root, "bench", "results.json"), Report.ToJson(commit, quick, figures));
await File.WriteAllTextAsync(Path.Combine(root, "BENCHMARKS.md"), Report.ToMarkdown(commit, quick, DateTimeOffset.UtcNow, figures, failures));
Directory.Delete(scratch, recursive: true);
Console.WriteLine($"wrote {Path.Combine(root, "BENCHMARKS.md")} and bench/results.json");
return failures.Count == 0 ? 0 : 1;

string? ValueAfter(string flag)
{
    var i = Array.IndexOf(args, flag);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TraceChain.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

string? Git(string arguments)
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, WorkingDirectory = root })!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : null;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return null;
    }
}
