using System.Threading.Channels;
using FirmwareSim.Camera;
using FirmwareSim.Commands;
using TraceChain.Imaging;
using TraceChain.Imaging.Frames;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;

namespace FirmwareSim.Tests.Camera;

/// <summary>Frames over a real Mosquitto: PNG and TCG8 gray payloads on the camera topic, decodable by the receiver.</summary>
public sealed class MqttFrameSinkTests : IDisposable
{
    private readonly string _dir = TestFiles.NewDirectory();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_OverMqtt_EveryFrameArrivesOnTheCameraTopic_AndDecodes(bool raw)
    {
        await using var broker = await MosquittoProcess.StartAsync(new MosquittoOptions { DataDirectory = Path.Combine(_dir, "broker") }, CancellationToken.None);
        var received = Channel.CreateUnbounded<MqttMessage>();
        await using var camera = new MqttClient(Client(broker, "listener", 8 << 20), (m, _) => received.Writer.WriteAsync(m).AsTask());
        await camera.ConnectAsync(CancellationToken.None);
        await camera.SubscribeAsync("tracechain/dock/cameras/+/frame", MqttQualityOfService.AtLeastOnce, CancellationToken.None);
        var packs = CameraPacks.Generate(2, "MQ");
        var options = new CameraSimulationOptions(packs) { Repeat = 2, Seed = 5, Distortion = CameraDistortion.Mild, Rate = 0 };
        var output = new StringWriter();

        var exit = await CameraCommand.RunAsync(options, ct => OpenAsync(broker, raw, ct), output, CancellationToken.None);

        Assert.True(exit == 0, output.ToString());
        var reader = new BarcodeReader();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        for (var i = 0; i < 4; i++)
        {
            var message = await received.Reader.ReadAsync(timeout.Token);
            Assert.Equal("tracechain/dock/cameras/gate-2/frame", message.Topic);
            var codes = raw
                ? reader.DecodeGray(GrayFrameFormat.TryDecode(message.Payload.Span, ImagingLimits.Default, out var problem) ?? throw new InvalidDataException(problem))
                : reader.Decode(message.Payload.Span);
            Assert.Equal(TraceChain.Protocol.Gs1.Gs1Parser.Parse(packs[i / 2]).ElementString, Assert.Single(codes).Text);
        }
    }

    [Fact]
    public async Task Run_BrokerNotListening_Returns2WithTheReason()
    {
        var output = new StringWriter();
        var options = new CameraSimulationOptions(CameraPacks.Generate(1, "NB"));

        var exit = await CameraCommand.RunAsync(options, async ct => await MqttFrameSink.ConnectAsync(new MqttClientOptions { Host = "127.0.0.1", Port = 1, ClientId = "nobody" }, "dock", "gate-2", false, ct), output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<IFrameSink> OpenAsync(MosquittoProcess broker, bool raw, CancellationToken cancellationToken) =>
        await MqttFrameSink.ConnectAsync(Client(broker, "sim", 8 << 20), "dock", "gate-2", raw, cancellationToken);

    private static MqttClientOptions Client(MosquittoProcess broker, string id, int maxPacket) =>
        new() { Host = "127.0.0.1", Port = broker.Port, ClientId = id, MaxPacketSize = maxPacket };
}
