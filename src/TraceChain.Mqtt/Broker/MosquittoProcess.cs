using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TraceChain.Mqtt.Broker;

/// <summary>
/// A local Mosquitto broker process with a generated config: started, waited for until its ports accept
/// connections, stopped gracefully (SIGTERM, so persistence is saved) or killed.
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    private const int MaxPortAttempts = 5;
    private readonly MosquittoOptions options;
    private Process? process;
    private bool lostPortRace;

    private MosquittoProcess(MosquittoOptions options, int port, int? tlsPort, string configPath)
    {
        this.options = options;
        Port = port;
        TlsPort = tlsPort;
        ConfigPath = configPath;
    }

    /// <summary>The plain MQTT port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The TLS port on 127.0.0.1, or null without a TLS listener.</summary>
    public int? TlsPort { get; }

    /// <summary>The generated mosquitto.conf.</summary>
    public string ConfigPath { get; }

    /// <summary>The broker's log file.</summary>
    public string LogPath => Path.Combine(options.DataDirectory, "mosquitto.log");

    /// <summary>True while the broker process runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Writes the config and password file, starts the broker and waits until it accepts connections.</summary>
    public static Task<MosquittoProcess> StartAsync(MosquittoOptions options, CancellationToken cancellationToken) =>
        StartAsync(options, FreePort, cancellationToken);

    /// <summary>As <see cref="StartAsync(MosquittoOptions, CancellationToken)"/>, with the way free ports are chosen given (tests).</summary>
    internal static async Task<MosquittoProcess> StartAsync(MosquittoOptions options, Func<int> choosePort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(choosePort);
        Directory.CreateDirectory(options.DataDirectory);
        string? passwordFile = null;
        if (options.Users.Count > 0)
        {
            passwordFile = Path.Combine(options.DataDirectory, "passwd");
            File.Delete(passwordFile);
            foreach (var (user, password) in options.Users)
            {
                string[] args = File.Exists(passwordFile) ? ["-b", passwordFile, user, password] : ["-c", "-b", passwordFile, user, password];
                await RunToolAsync(options.PasswordTool, args, cancellationToken);
            }
        }

        if (options.Acl is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(options.DataDirectory, "acl"), options.Acl, cancellationToken);
        }

        var portsChosenHere = options.Port == 0 && (options.Tls is null || options.TlsPort == 0);
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port != 0 ? options.Port : choosePort();
            int? tlsPort = options.Tls is null ? null : options.TlsPort != 0 ? options.TlsPort : choosePort();
            var configPath = Path.Combine(options.DataDirectory, "mosquitto.conf");
            var config = MosquittoConfig.Render(options, port, tlsPort ?? 0, passwordFile, Environment.UserName == "root");
            await File.WriteAllTextAsync(configPath, config, cancellationToken);
            var broker = new MosquittoProcess(options, port, tlsPort, configPath);
            try
            {
                await broker.StartProcessAsync(cancellationToken);
                return broker;
            }
            catch (InvalidOperationException) when (portsChosenHere && broker.lostPortRace && attempt < MaxPortAttempts)
            {
                // Another process bound the free port between our choosing it and the broker binding it (tests
                // run in parallel on this machine): choose again, with a fresh log so the next failure reads clean.
                await broker.DisposeAsync();
                File.Delete(broker.LogPath);
            }
            catch
            {
                // A start that failed, timed out or was cancelled must not leave its broker running behind it.
                await broker.KillAsync(CancellationToken.None);
                await broker.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Stops gracefully (SIGTERM; the broker saves its persistence database) and waits for exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (process is not { HasExited: false } running)
        {
            return;
        }

        await RunToolAsync("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await running.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            running.Kill();
            await running.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>Kills the broker at once (no persistence save), as a crash would.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            await running.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>Stops gracefully and starts again on the same ports with the same config.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken);
        await StartProcessAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        process?.Dispose();
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        process?.Dispose();
        var logStart = File.Exists(LogPath) ? new FileInfo(LogPath).Length : 0;
        var info = new ProcessStartInfo(options.Executable)
        {
            ArgumentList = { "-c", ConfigPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {options.Executable}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync(logStart, cancellationToken);
    }

    /// <summary>
    /// Waits until this start's log says the broker runs (it logs so once every listener is bound) and its ports accept
    /// connections. A port alone is not enough: another process listening there would answer the probe while the
    /// broker fails to bind it.
    /// </summary>
    private async Task WaitUntilServingAsync(long logStart, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process is { HasExited: true } exited)
            {
                var log = ReadLog();
                lostPortRace = log.Contains("Address already in use", StringComparison.Ordinal);
                throw new InvalidOperationException($"mosquitto exited with code {exited.ExitCode}: {log}");
            }

            if (ReportsRunning(ReadLog(logStart)) && await AcceptsAsync(Port, cancellationToken) && (TlsPort is not { } tls || await AcceptsAsync(tls, cancellationToken)))
            {
                return;
            }

            if (deadline.Elapsed >= options.StartTimeout)
            {
                throw new TimeoutException($"mosquitto did not report running and accept connections on port {Port}{(TlsPort is { } t ? $" and {t}" : "")} within {options.StartTimeout.TotalSeconds} s: {ReadLog()}");
            }

            // Not there yet: poll again shortly (the broker opens its listeners within milliseconds).
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private static bool ReportsRunning(string log) =>
        log.Split('\n').Any(line => line.Contains("mosquitto version ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(" running", StringComparison.Ordinal));

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>The broker's log from <paramref name="offset"/> (this start's part of a log kept across restarts).</summary>
    private string ReadLog(long offset = 0)
    {
        try
        {
            if (!File.Exists(LogPath))
            {
                return "(no log)";
            }

            using var file = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.Seek(Math.Min(offset, file.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(file);
            return reader.ReadToEnd();
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunToolAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var run = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}");
        var error = run.StandardError.ReadToEndAsync(cancellationToken);
        await run.StandardOutput.ReadToEndAsync(cancellationToken);
        await run.WaitForExitAsync(cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments[0]} failed with exit code {run.ExitCode}: {await error}");
        }
    }
}
