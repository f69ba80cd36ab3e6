using ScannerAgent.Agent;
using ScannerAgent.Keys;
using ScannerAgent.Outbox;
using ScannerAgent.Tests.Support;
using ScannerAgent.Uplink;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace ScannerAgent.Tests.Uplink;

public sealed class UplinkServiceTests
{
    private static SignedHop Sign(System.Security.Cryptography.ECDsa key, long counter) => SignedHop.Create(
        new Hop("dev-u", counter, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), "+00:00", BizStep.Receiving, Disposition.InProgress, TestCodes.Gln(1), [TestCodes.PackId($"U{counter}")]),
        key);

    [Fact]
    public async Task LostAnswer_ReuploadGetsTheSameReceiptAsDuplicate_AndNothingIsLoggedTwice()
    {
        var directory = Directory.CreateTempSubdirectory("agent-uplink-").FullName;
        await using var ledger = await LedgerHost.StartAsync(directory);
        await ledger.RegisterPartyAsync(TestCodes.Gln(1), PartyRole.Pharmacy);
        using var key = DeviceKeyFile.Create(Path.Combine(directory, "k.pem"), force: false);
        await ledger.Ledger.RegisterDeviceAsync(new DeviceRegistration("dev-u", TestCodes.Gln(1), DeviceKeys.SubjectPublicKeyInfo(key)), CancellationToken.None);
        using var outbox = OutboxStore.Open(Path.Combine(directory, "outbox.db"));
        for (var i = 0; i < 4; i++)
        {
            await outbox.AppendAsync("dev-u", "s0", "receive", c => Sign(key, c), DateTimeOffset.UnixEpoch, CancellationToken.None);
        }

        using var client = new GatewayClient(new Uri(ledger.Url + "/"), TimeSpan.FromSeconds(10));

        // The first upload reached the ledger but its answer never came back to the agent.
        var first = await client.SendAsync(outbox.Pending(10), CancellationToken.None);
        Assert.All(first, r => Assert.Equal("accepted", r.Status));

        var log = new LogCapture();
        var uplink = new UplinkService(outbox, client, new AgentLog(log, TimeProvider.System), TimeProvider.System, new UplinkOptions(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)));
        var settled = new List<UplinkReceipt>();
        uplink.Settled += (_, r) => { lock (settled) { settled.Add(r); } };
        using var stop = new CancellationTokenSource();
        var run = uplink.RunAsync(stop.Token);
        await Wait.UntilAsync(() => outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(10), () => log.ToString());
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(4, outbox.Counts()["duplicate"]);
        Assert.Equal(first.Select(r => r.Seq), settled.Select(r => r.Seq));
        Assert.Equal(4, (await ledger.HopsAsync("dev-u")).Count);
    }

    [Fact]
    public async Task UnregisteredDevice_KeepsHops_UntilRegistered()
    {
        var directory = Directory.CreateTempSubdirectory("agent-uplink-").FullName;
        await using var ledger = await LedgerHost.StartAsync(directory);
        await ledger.RegisterPartyAsync(TestCodes.Gln(1), PartyRole.Pharmacy);
        using var key = DeviceKeyFile.Create(Path.Combine(directory, "k.pem"), force: false);
        using var outbox = OutboxStore.Open(Path.Combine(directory, "outbox.db"));
        await outbox.AppendAsync("dev-u", "s0", "receive", c => Sign(key, c), DateTimeOffset.UnixEpoch, CancellationToken.None);
        using var client = new GatewayClient(new Uri(ledger.Url + "/"), TimeSpan.FromSeconds(10));
        var log = new LogCapture();
        var uplink = new UplinkService(outbox, client, new AgentLog(log, TimeProvider.System), TimeProvider.System, new UplinkOptions(10, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)));
        using var stop = new CancellationTokenSource();
        var run = uplink.RunAsync(stop.Token);
        await Wait.UntilAsync(() => log.Has("not registered yet"), TimeSpan.FromSeconds(10), () => log.ToString());
        Assert.Equal(1, outbox.Counts()["pending"]);

        await ledger.Ledger.RegisterDeviceAsync(new DeviceRegistration("dev-u", TestCodes.Gln(1), DeviceKeys.SubjectPublicKeyInfo(key)), CancellationToken.None);
        await Wait.UntilAsync(() => outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(10), () => log.ToString());
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Single(await ledger.HopsAsync("dev-u"));
    }
}
