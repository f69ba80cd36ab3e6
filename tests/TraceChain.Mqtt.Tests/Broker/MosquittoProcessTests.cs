using System.Net;
using System.Net.Sockets;
using TraceChain.Mqtt.Broker;

namespace TraceChain.Mqtt.Tests.Broker;

public sealed class MosquittoProcessTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("tracechain-mosquitto-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Start_WhenTheChosenPortIsTakenMeanwhile_ChoosesAnotherPortAndRuns(bool listening)
    {
        // Bound, so the broker cannot bind it. Not listening: the readiness probe is refused. Listening (another test's
        // broker, say): the probe is answered by the squatter while the broker fails, which must not pass for the broker.
        using var squatter = Squat();
        if (listening)
        {
            squatter.Listen();
        }

        var taken = ((IPEndPoint)squatter.LocalEndPoint!).Port;
        var choices = new Queue<int>([taken]);
        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = directory },
            () => choices.TryDequeue(out var port) ? port : FreePort(),
            new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        Assert.NotEqual(taken, broker.Port);
        Assert.True(broker.IsRunning);
        await using var client = new MqttClient(new MqttClientOptions { Port = broker.Port });
        await client.ConnectAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.DoesNotContain("Address already in use", await File.ReadAllTextAsync(broker.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WaitsForTheNewProcessToRun_NotForTheLogOfTheFirst()
    {
        await using var broker = await MosquittoProcess.StartAsync(new MosquittoOptions { DataDirectory = directory }, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        await broker.RestartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        Assert.True(broker.IsRunning);
        Assert.Equal(2, (await File.ReadAllLinesAsync(broker.LogPath)).Count(line => line.EndsWith(" running", StringComparison.Ordinal)));
        await using var client = new MqttClient(new MqttClientOptions { Port = broker.Port });
        await client.ConnectAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
    }

    [Fact]
    public async Task Start_ThatTimesOut_LeavesNoBrokerRunning()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = directory, StartTimeout = TimeSpan.Zero },
            new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));
        Assert.Contains("did not report running", error.Message, StringComparison.Ordinal);

        Assert.False(BrokerRunsWith(Path.Combine(directory, "mosquitto.conf")));
    }

    [Fact]
    public async Task Start_OnAnExplicitPortInUse_FailsNamingTheCause()
    {
        using var squatter = Squat();
        var taken = ((IPEndPoint)squatter.LocalEndPoint!).Port;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = directory, Port = taken },
            new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));
        Assert.Contains("Address already in use", error.Message, StringComparison.Ordinal);
    }

    private static bool BrokerRunsWith(string config) => System.Diagnostics.Process.GetProcessesByName("mosquitto").Any(p =>
    {
        try
        {
            return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(config, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // it ended meanwhile
        }
    });

    /// <summary>A socket bound to a free loopback port, not listening, that no other socket can bind.</summary>
    private static Socket Squat()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        // .NET binds with SO_REUSEADDR on Linux, which would let the broker bind too; the kernel checks the flag
        // of the bound socket when another binds, so clear it now (SOL_SOCKET = 1, SO_REUSEADDR = 2).
        socket.SetRawSocketOption(1, 2, BitConverter.GetBytes(0));
        return socket;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
