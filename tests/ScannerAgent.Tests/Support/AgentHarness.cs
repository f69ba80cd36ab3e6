using System.CommandLine;
using ScannerAgent.Agent;
using ScannerAgent.Commands;
using ScannerAgent.Configuration;
using ScannerAgent.Keys;
using TraceChain.Serial;
using TraceLedger.Storage;

namespace ScannerAgent.Tests.Support;

/// <summary>
/// A whole chain for one test: a real ledger on a temp SQLite file, a device key made by keygen's code and
/// registered through the <c>register</c> command, pty scanners, and the agent with its outbox file.
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    public const string DeviceId = "agent-test-01";

    private CancellationTokenSource? stop;
    private Task? running;

    private AgentHarness(string directory, LedgerHost ledger, AgentSettings settings, List<ScannerEnd> scanners)
    {
        Directory = directory;
        Ledger = ledger;
        Settings = settings;
        Scanners = scanners;
    }

    public static string Location { get; } = TestCodes.Gln(1);

    public string Directory { get; }

    public LedgerHost Ledger { get; }

    public AgentSettings Settings { get; }

    public IReadOnlyList<ScannerEnd> Scanners { get; }

    public LogCapture Log { get; private set; } = new();

    public AgentRunner? Runner { get; private set; }

    public static async Task<AgentHarness> CreateAsync(params ScannerSettings[] scanners)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("agent-test-").FullName;
        var ledger = await LedgerHost.StartAsync(directory);
        await ledger.RegisterPartyAsync(Location, PartyRole.Distributor);
        var settings = new AgentSettings
        {
            DeviceId = DeviceId,
            Location = Location,
            KeyFile = Path.Combine(directory, "device.key"),
            OutboxPath = Path.Combine(directory, "outbox.db"),
            GatewayUrl = ledger.Url,
            RetryMinMilliseconds = 20,
            RetryMaxMilliseconds = 200,
        };
        var ends = new List<ScannerEnd>();
        for (var i = 0; i < scanners.Length; i++)
        {
            var end = new ScannerEnd(PseudoTerminal.Open(Path.Combine(directory, $"scanner-{i}")));
            ends.Add(end);
            scanners[i].Port = end.Path;
            scanners[i].Name ??= $"s{i}";
            settings.Scanners.Add(scanners[i]);
        }

        DeviceKeyFile.Create(settings.KeyFile, force: false).Dispose();
        var root = new RootCommand("test") { RegisterCommand.Create() };
        using var output = new StringWriter();
        var exit = await root.Parse(["register", "--gateway", ledger.Url, "--api-key", ledger.ApiKey, "--device-id", DeviceId, "--key", settings.KeyFile, "--party", Location])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        Assert.True(exit == 0, output.ToString());
        return new AgentHarness(directory, ledger, settings, ends);
    }

    public static ScannerSettings Line(string workflow = "receive", string? destination = null) =>
        new() { Mode = "line", Suffix = "crlf", Baud = 115200, Workflow = workflow, Destination = destination };

    public static ScannerSettings Ssi(string workflow = "receive") =>
        new() { Mode = "ssi", Baud = 115200, Workflow = workflow };

    /// <summary>Starts the agent and waits until every scanner port is open.</summary>
    public async Task StartAgentAsync()
    {
        Runner = new AgentRunner(Settings, Log);
        stop = new CancellationTokenSource();
        running = Runner.RunAsync(stop.Token);
        await Wait.UntilAsync(() => Scanners.All(s => s.Pty.IsClientConnected), TimeSpan.FromSeconds(10), () => "scanner ports open\n" + Log);
    }

    public async Task StopAgentAsync()
    {
        if (stop is null || running is null)
        {
            return;
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Runner!.Dispose();
        stop.Dispose();
        stop = null;
        running = null;
        Runner = null;
    }

    /// <summary>Waits until the ledger holds <paramref name="count"/> hops of the device.</summary>
    public Task WaitForLedgerHopsAsync(int count) =>
        Wait.UntilAsync(async () => (await Ledger.HopsAsync(DeviceId)).Count >= count, TimeSpan.FromSeconds(20), () => $"{count} hops in the ledger\n{Log}");

    public async ValueTask DisposeAsync()
    {
        await StopAgentAsync();
        foreach (var scanner in Scanners)
        {
            scanner.Dispose();
        }

        await Ledger.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
