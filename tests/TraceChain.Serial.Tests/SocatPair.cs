using System.Diagnostics;

namespace TraceChain.Serial.Tests;

/// <summary>A real pty pair made by socat; ready once socat reports its transfer loop (both links exist then).</summary>
internal sealed class SocatPair : IDisposable
{
    private Process? _process;

    public SocatPair(string directory, string name)
    {
        A = Path.Combine(directory, name + ".a");
        B = Path.Combine(directory, name + ".b");
        Start();
    }

    public string A { get; }

    public string B { get; }

    /// <summary>Starts socat and waits (no fixed sleep) until it says both ptys are up.</summary>
    public void Start()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var psi = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={A}", $"pty,raw,echo=0,link={B}" })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = psi };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("socat exited: " + string.Join(" | ", log)));
                return;
            }

            log.Enqueue(e.Data);
            if (e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        _process = process;
        if (!ready.Task.Wait(TimeSpan.FromSeconds(10)) || !File.Exists(A) || !File.Exists(B))
        {
            throw new TimeoutException("socat did not come up: " + string.Join(" | ", log));
        }
    }

    /// <summary>Kills socat like a yanked cable (SIGKILL) and removes the links it leaves behind.</summary>
    public void Unplug()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
        File.Delete(A);
        File.Delete(B);
    }

    public void Dispose() => Unplug();
}
