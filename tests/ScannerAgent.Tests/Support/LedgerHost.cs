using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace ScannerAgent.Tests.Support;

/// <summary>
/// A real TraceLedger (SQLite file, Kestrel on a fixed loopback port) that can be stopped and started again on
/// the same file and port, as a gateway outage looks to the agent.
/// </summary>
internal sealed class LedgerHost : IAsyncDisposable
{
    private Ledger? ledger;
    private WebApplication? app;

    private LedgerHost(string directory, int port)
    {
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string ApiKey { get; private set; } = "";

    public Ledger Ledger => ledger ?? throw new InvalidOperationException("the ledger is stopped");

    public static async Task<LedgerHost> StartAsync(string directory)
    {
        var host = new LedgerHost(directory, FreePort());
        await host.StartAsync();
        host.ApiKey = await host.Ledger.ApiKeys.CreateAsync("tests", CancellationToken.None);
        return host;
    }

    public async Task StartAsync()
    {
        ledger = await Ledger.OpenAsync(new LedgerOptions(Path.Combine(Directory, "ledger.db")), CancellationToken.None);
        app = LedgerHttpApp.Build(ledger, Url);
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }

        if (ledger is not null)
        {
            await ledger.DisposeAsync();
            ledger = null;
        }
    }

    public Task RegisterPartyAsync(string gln, PartyRole role) =>
        Ledger.RegisterPartyAsync(new PartyRegistration(gln, "Party " + gln, role, null, null), CancellationToken.None);

    /// <summary>Every hop entry of <paramref name="deviceId"/> in log order.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> HopsAsync(string deviceId)
    {
        var list = new List<LedgerEntry>();
        var size = Ledger.Checkpoint.TreeSize;
        for (long seq = 0; seq < size; seq++)
        {
            var entry = await Ledger.GetEntryAsync(seq, CancellationToken.None);
            if (entry is { Kind: EntryKind.Hop } && entry.DeviceId == deviceId)
            {
                list.Add(entry);
            }
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
