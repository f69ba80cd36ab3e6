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
    private readonly MqttClient _client;
    private readonly TimeProvider _time;
    private readonly string _clientId;
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
        _time = time;
        _clientId = settings.ClientId ?? $"{deviceId}-{settings.Name}";
        _client = new MqttClient(
            new MqttClientOptions
            {
                Host = settings.Host,
                Port = settings.Port,
                ClientId = _clientId,
                CleanSession = false,
                Username = settings.Username,
                Password = settings.Password,
                MaxPacketSize = settings.MaxFrameBytes + PacketOverhead,
                ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
                ReconnectMaxDelay = TimeSpan.FromSeconds(10),
                TimeProvider = time,
            },
            HandleAsync);
        _client.Connected += (_, e) => _log.Write(Name, $"connected to {settings.Host}:{settings.Port} (session {(e.SessionPresent ? "resumed" : "new")}), workflow {_cameras.Setup.Workflow.ToString().ToLowerInvariant()}");
        _client.Disconnected += (_, e) => _log.Write(Name, $"broker connection lost: {e.Reason.Message}" + (e.WillReconnect ? "; reconnecting" : ""));
    }

    /// <summary>The camera group's name.</summary>
    public string Name => _settings.Name;

    /// <summary>The subscribed topic filter.</summary>
    public string FrameFilter => $"tracechain/{_settings.Site}/cameras/{_settings.CameraId ?? "+"}/frame";

    /// <summary>True once connected and subscribed.</summary>
    public bool IsReady { get; private set; }

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
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConnectAndSubscribeAsync(cancellationToken);
            IsReady = true;
            _log.Write(Name, $"subscribed to {FrameFilter}");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        // DISCONNECT ends the connection cleanly; the broker keeps the session and queues further frames.
        await _client.DisconnectAsync(CancellationToken.None);
    }

    /// <summary>Disconnects from the broker.</summary>
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task ConnectAndSubscribeAsync(CancellationToken cancellationToken) =>
        BrokerSubscriber.ConnectAndSubscribeAsync(_client, [new(FrameFilter)], _log, Name, $"{_settings.Host}:{_settings.Port}", _time, null, cancellationToken);

    private async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        // tracechain/{site}/cameras/{cameraId}/frame: the broker only delivers topics matching the filter.
        var cameraId = message.Topic.Split('/')[3];
        Interlocked.Increment(ref _frames);
        // QoS 0 frames are never redelivered: nothing to remember them by.
        var identity = message.QualityOfService == MqttQualityOfService.AtLeastOnce ? MqttDelivery.Frame(_clientId, message.Topic, message.Payload.Span) : null;
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
