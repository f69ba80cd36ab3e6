using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TraceLedger.Tests.Support;

/// <summary>`dotnet TraceLedger.dll serve` as a real child process, ready once it prints its serving line.</summary>
internal sealed class LedgerProcess : IDisposable
{
    private readonly Process process;

    private LedgerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts <c>serve</c>; the log alone (<c>--log-only</c>) unless <paramref name="packRules"/>, since test hops name packs nobody commissioned.</summary>
    public static async Task<LedgerProcess> StartAsync(string databasePath, bool packRules = false)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "TraceLedger.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "serve", "--db", databasePath, "--urls", $"http://127.0.0.1:{port}", packRules ? "" : "--log-only" }.Where(a => a.Length > 0))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("TraceLedger serving", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"TraceLedger exited with {process.ExitCode}: {errors}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new LedgerProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or power cut of the process.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(30_000);
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
