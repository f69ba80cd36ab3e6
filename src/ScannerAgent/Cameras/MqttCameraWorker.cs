using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using TraceChain.Mqtt;

namespace ScannerAgent.Cameras;

/// <summary>
/// Cameras behind an MQTT broker: subscribes to <c>tracechain/{Site}/cameras/{CameraId}/frame</c> with QoS 1 on a
/// persistent session, like <see cref="MqttScannerWorker"/>. Each frame goes through <see cref="CameraScanRecorder"/>;
/// the handler returns (and the client sends PUBACK) only after every hop of the frame is committed to the outbox.
/// A storage failure throws from the handler: no PUBACK, the broker redelivers. A frame that is not a usable image
/// is acknowledged (redelivery cannot repair it) and logged with its problem. Each hop is stored with its frame's
/// identity (session, topic, frame hash, code), so a redelivery (DUP) of a frame committed but never acknowledged
/// adds no second hop.
/// </summary>
public sealed class MqttCameraWorker : IAsyncDisposable
{
    // Room for the PUBLISH header and topic on top of the largest frame accepted.
    private const int PacketOverhead = 64 * 1024;

    private readonly CameraScannerSettings _settings;
    private readonly CameraScanRecorder _cameras;
    private readonly AgentLog _log;
    private readonly BrokerSession _broker;
    private long _frames;
    private long _stored;
    private long _suppressed;
    private long _rejected;
    private long _alreadyStored;

    /// <summary>Creates the worker and its MQTT client (not connected).</summary>
    public MqttCameraWorker(CameraScannerSettings settings, string deviceId, HopRecorder recorder, AgentLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _cameras = CameraScanRecorder.For(settings, recorder, log, time);
        _log = log;
        _broker = new BrokerSession(settings, deviceId, settings.Name, HandleAsync, log, time, () => $", workflow {_cameras.Setup.Workflow.ToString().ToLowerInvariant()}", settings.MaxFrameBytes + PacketOverhead);
    }

    /// <summary>The camera group's name.</summary>
    public string Name => _settings.Name;

    /// <summary>The subscribed topic filter.</summary>
    public string FrameFilter => $"tracechain/{_settings.Site}/cameras/{_settings.CameraId ?? "+"}/frame";

    /// <summary>True once connected and subscribed.</summary>
    public bool IsReady => _broker.IsReady;

    /// <summary>Frames handled.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Codes stored as hops.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Codes dropped as repeats of a recent sighting.</summary>
    public long Suppressed => Interlocked.Read(ref _suppressed);

    /// <summary>Frames that were not usable images.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Codes of redelivered frames already stored before (the PUBACK was lost), acknowledged without a new hop.</summary>
    public long AlreadyStored => Interlocked.Read(ref _alreadyStored);

    /// <summary>
    /// Test hook: runs after a frame's hops are committed and before the handler returns (so before PUBACK); tests
    /// stop the agent in exactly that window.
    /// </summary>
    internal Func<CameraFrameResult, CancellationToken, Task>? AfterRecord { get; set; }

    /// <summary>Connects (retrying until the broker answers) and subscribes; frames are handled until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _broker.RunAsync([new(FrameFilter)], null, null, cancellationToken);

    /// <summary>Disconnects from the broker.</summary>
    public ValueTask DisposeAsync() => _broker.DisposeAsync();

    private async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        // tracechain/{site}/cameras/{cameraId}/frame: the broker only delivers topics matching the filter.
        var cameraId = message.Topic.Split('/')[3];
        Interlocked.Increment(ref _frames);
        // QoS 0 frames are never redelivered: nothing to remember them by.
        var identity = message.QualityOfService == MqttQualityOfService.AtLeastOnce ? MqttDelivery.Frame(_broker.ClientId, message.Topic, message.Payload.Span) : null;
        var result = await _cameras.RecordAsync(cameraId, message.Payload, identity, message.Duplicate, cancellationToken);
        if (result.ImageProblem is not null)
        {
            Interlocked.Increment(ref _rejected);
            _log.Write($"{Name}/{cameraId}", $"frame of {message.Payload.Length} bytes rejected: {result.ImageProblem}");
            return;
        }

        Interlocked.Add(ref _stored, result.Stored.Count);
        Interlocked.Add(ref _suppressed, result.Suppressed);
        Interlocked.Add(ref _alreadyStored, result.AlreadyStored);
        if (AfterRecord is { } hook)
        {
            await hook(result, cancellationToken);
        }
    }
}
