using TraceChain.Imaging.Frames;
using TraceChain.Mqtt;

namespace FirmwareSim.Camera;

/// <summary>
/// Publishes frames to <c>tracechain/{site}/cameras/{cameraId}/frame</c> with QoS 1: as PNG files, or as raw TCG8
/// gray frames (<see cref="GrayFrameFormat"/>) like a camera that sends its sensor's Y plane.
/// </summary>
public sealed class MqttFrameSink : IFrameSink
{
    private readonly MqttClient _client;
    private readonly bool _raw;

    private MqttFrameSink(MqttClient client, string topic, bool raw)
    {
        _client = client;
        Topic = topic;
        _raw = raw;
    }

    /// <summary>The frame topic.</summary>
    public string Topic { get; }

    /// <summary>Connects to the broker.</summary>
    public static async Task<MqttFrameSink> ConnectAsync(MqttClientOptions options, string site, string cameraId, bool raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new MqttClient(options);
        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return new MqttFrameSink(client, $"tracechain/{site}/cameras/{cameraId}/frame", raw);
    }

    /// <inheritdoc />
    public string Describe() => $"MQTT topic {Topic} ({(_raw ? "TCG8 gray" : "PNG")} frames, QoS 1)";

    /// <inheritdoc />
    public Task WriteAsync(CameraFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var payload = _raw ? GrayFrameFormat.Encode(frame.Image) : GrayPngEncoder.Encode(frame.Image);
        return _client.PublishAsync(Topic, payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync(CancellationToken.None);
        await _client.DisposeAsync();
    }
}
