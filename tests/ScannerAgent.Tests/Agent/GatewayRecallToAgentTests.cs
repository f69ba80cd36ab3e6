using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Keys;
using ScannerAgent.Tests.Support;
using TraceChain.Mqtt.Broker;
using TraceChain.Serial;
using TraceGateway.Hosting;
using TraceGateway.LedgerAccess;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Storage;

namespace ScannerAgent.Tests.Agent;

/// <summary>Both halves on the wire: the gateway's publisher (embedded ledger) and the agent's listener through one real Mosquitto.</summary>
public sealed class GatewayRecallToAgentTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RecallRecordedByTheGateway_ReachesTheAgent_WhichWarnsOnAScanAfterTheGatewayIsGone()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-recall-").FullName;
        await using var broker = await MosquittoProcess.StartAsync(new MosquittoOptions { DataDirectory = Path.Combine(directory, "mosquitto") }, CancellationToken.None);
        var gateway = BuildGateway(Path.Combine(directory, "ledger.db"), broker.Port);
        await gateway.StartAsync();
        var packs = gateway.Services.GetRequiredService<EmbeddedLedgerHost>().Packs;
        var manufacturer = TestCodes.Gln(7);
        await packs.Ledger.RegisterPartyAsync(new PartyRegistration(manufacturer, "Maker", PartyRole.Manufacturer), CancellationToken.None);
        await packs.Commissioning.RegisterCompanyPrefixAsync("950600", manufacturer, CancellationToken.None);
        await packs.Commissioning.CommissionAsync(new CommissionRequest(manufacturer, TestCodes.Gtin, "LOT42", "271231", new ProductData("Amoxicillin", "500 mg", "capsule", 20), 0, ImportedSerials: ["E0001"]), CancellationToken.None);

        using var scanner = new ScannerEnd(PseudoTerminal.Open(Path.Combine(directory, "scanner")));
        var settings = new AgentSettings
        {
            DeviceId = "agent-e2e",
            Location = TestCodes.Gln(1),
            KeyFile = Path.Combine(directory, "device.key"),
            OutboxPath = Path.Combine(directory, "outbox.db"),
            GatewayUrl = gateway.Urls.First(),
            Notifications = new NotificationFeedSettings { Host = "127.0.0.1", Port = broker.Port },
        };
        settings.Scanners.Add(new ScannerSettings { Name = "counter", Port = scanner.Path, Mode = "line", Suffix = "crlf", Baud = 115200, Workflow = "receive" });
        DeviceKeyFile.Create(settings.KeyFile, force: false).Dispose();
        var log = new LogCapture();
        using var stop = new CancellationTokenSource();
        using (var agent = new AgentRunner(settings, log))
        {
            var running = agent.RunAsync(stop.Token);
            try
            {
                await Wait.UntilAsync(() => agent.Notifications!.IsReady && scanner.Pty.IsClientConnected, Timeout, () => "agent ready\n" + log);
                var recall = await packs.Commissioning.RecallAsync(new RecallRequest(manufacturer, TestCodes.Gtin, "LOT42", "sterility failure"), CancellationToken.None);
                await Wait.UntilAsync(() => agent.Notifications!.Cache.Find(TestCodes.Gtin, "LOT42") is not null, Timeout, () => "recall reached the agent\n" + log);
                Assert.Equal(recall.Seq, agent.Notifications!.Cache.Find(TestCodes.Gtin, "LOT42")!.Seq);

                await gateway.StopAsync();
                scanner.SendLine(TestCodes.Pack("E0001"));
                await Wait.UntilAsync(() => scanner.ReceivedText().Contains("RECALLED #1 ", StringComparison.Ordinal), Timeout, () => "recall warning\n" + log);
                Assert.Contains("batch LOT42 recalled: sterility failure", scanner.ReceivedText(), StringComparison.Ordinal);
            }
            finally
            {
                await stop.CancelAsync();
                await running;
            }
        }

        await gateway.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static WebApplication BuildGateway(string database, int brokerPort)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(GatewayServices).Assembly.GetName().Name });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Database"] = database,
            ["Notifications:Mqtt:Host"] = "127.0.0.1",
            ["Notifications:Mqtt:Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Mqtt:PollMilliseconds"] = "50",
        });
        builder.Logging.ClearProviders();
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        return app;
    }
}
