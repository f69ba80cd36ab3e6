using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FirmwareSim.Scenarios;
using TraceChain.Mqtt;

namespace FirmwareSim.Mqtt;

/// <summary>
/// One simulated Wi-Fi scanner: its own <see cref="RadioLink"/> and MQTT client (persistent session, stable client
/// id), publishing scans QoS 1 to <c>tracechain/{site}/scanners/{id}/scan</c> and listening on its verdict topic.
/// Publishes are pipelined (a burst does not wait for each PUBACK), so cutting the link mid-burst leaves QoS 1
/// messages in flight; the client resends them with DUP after it reconnects.
/// </summary>
public sealed class WifiScanner : IAsyncDisposable
{
    private readonly MqttSimulationOptions _options;
    private readonly Action<string> _log;
    private readonly RadioLink _link;
    private readonly MqttClient _client;
    private readonly Random _random;
    private readonly List<Task> _publishes = [];
    private readonly ConcurrentDictionary<string, long> _verdicts = new(StringComparer.Ordinal);
    private long _published;
    private long _garbage;
    private long _acknowledged;

    /// <summary>Creates the scanner, its link and its client (not connected).</summary>
    public WifiScanner(MqttSimulationOptions options, int number, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Number = number;
        Id = options.ScannerId(number);
        _log = log ?? (_ => { });
        _random = new Random(options.Seed + number);
        _link = new RadioLink(options.Host, options.Port);
        _client = new MqttClient(
            new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = _link.Port,
                ClientId = options.ClientId(number),
                CleanSession = false,
                Username = options.Username,
                Password = options.Password,
                ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
                ReconnectMaxDelay = TimeSpan.FromSeconds(1),
                TimeProvider = options.Time,
            },
            OnVerdictAsync);
        _client.Connected += (_, e) =>
        {
            if (e.ConnectionNumber > 1)
            {
                _log($"{Id} reconnected (session {(e.SessionPresent ? "resumed" : "new")}), resending {_client.InFlightCount} unacknowledged publish(es)");
            }
        };
        _client.Disconnected += (_, e) => _log($"{Id} connection lost: {e.Reason.Message}");
    }

    /// <summary>Scanner number from 1.</summary>
    public int Number { get; }

    /// <summary>Scanner id (topic level).</summary>
    public string Id { get; }

    /// <summary>Scan topic.</summary>
    public string ScanTopic => $"tracechain/{_options.Site}/scanners/{Id}/scan";

    /// <summary>Verdict topic.</summary>
    public string VerdictTopic => $"tracechain/{_options.Site}/scanners/{Id}/verdict";

    /// <summary>Scans published.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Garbage payloads published.</summary>
    public long Garbage => Interlocked.Read(ref _garbage);

    /// <summary>Publishes acknowledged by the broker.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Connections after the first.</summary>
    public long Reconnects => Math.Max(0, _client.ConnectionCount - 1);

    /// <summary>PUBLISH packets resent with DUP.</summary>
    public long Resent => _link.DuplicatePublishes;

    /// <summary>Verdicts received, by status.</summary>
    public IReadOnlyDictionary<string, long> Verdicts => _verdicts;

    /// <summary>Connects (retrying while the broker does not answer) and subscribes to the verdict topic.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                var resumed = await _client.ConnectAsync(cancellationToken);
                await _client.SubscribeAsync(VerdictTopic, MqttQualityOfService.AtLeastOnce, cancellationToken);
                _log($"{Id} connected to {_options.Host}:{_options.Port} (session {(resumed ? "resumed" : "new")}), publishing to {ScanTopic}");
                return;
            }
            catch (Exception e) when (e is MqttConnectionException or IOException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
            {
                _log($"{Id} broker {_options.Host}:{_options.Port} not available: {e.Message}; retrying in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, _options.Time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    /// <summary>Plays the steps, then waits until the broker acknowledged every publish.</summary>
    public async Task PlayAsync(IReadOnlyList<ScenarioStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var interval = TimeSpan.FromSeconds(1 / _options.Rate);
        foreach (var step in steps)
        {
            var delay = step.Delay ?? interval;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _options.Time, cancellationToken);
            }

            switch (step.Action)
            {
                case ScenarioAction.Scan:
                    Publish(ForThisScanner(step.Data), garbage: false, cancellationToken);
                    break;
                case ScenarioAction.Burst:
                    for (var i = 0; i < step.Count; i++)
                    {
                        Publish(ForThisScanner(step.BurstData(i)), garbage: false, cancellationToken);
                    }

                    _log($"{Id} published a burst of {step.Count}");
                    break;
                case ScenarioAction.Garbage:
                    var noise = new byte[step.Count];
                    _random.NextBytes(noise);
                    Publish(noise, garbage: true, cancellationToken);
                    break;
                case ScenarioAction.Unplug:
                    _link.Cut();
                    _log($"{Id} Wi-Fi lost for {step.Duration.TotalMilliseconds:0} ms with {_client.InFlightCount} publish(es) in flight");
                    await Task.Delay(step.Duration, _options.Time, cancellationToken);
                    _link.Restore();
                    _log($"{Id} Wi-Fi back");
                    break;
                default:
                    throw new ScenarioFormatException($"line {step.Line}: {step.Action} is not supported over MQTT");
            }
        }

        await Task.WhenAll(_publishes).WaitAsync(cancellationToken);
    }

    /// <summary>Disconnects and closes the link.</summary>
    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _link.DisposeAsync();
    }

    /// <summary>"{s}" in scan data becomes the scanner number, so one "*" step gives each scanner its own packs.</summary>
    private byte[] ForThisScanner(byte[] data) =>
        Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(data).Replace("{s}", Number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private void Publish(byte[] scan, bool garbage, CancellationToken cancellationToken)
    {
        var seq = Interlocked.Increment(ref _published);
        var payload = garbage ? scan : Encode(scan, seq);
        if (garbage)
        {
            Interlocked.Increment(ref _garbage);
            _log($"{Id} published {scan.Length} garbage bytes");
        }
        else
        {
            _log($"{Id} published {ScenarioParser.Describe(scan)}");
        }

        _publishes.Add(PublishAsync(payload, cancellationToken));
    }

    private async Task PublishAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await _client.PublishAsync(ScanTopic, payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
        Interlocked.Increment(ref _acknowledged);
    }

    private byte[] Encode(byte[] scan, long seq)
    {
        var json = _options.Payload switch
        {
            ScanPayloadFormat.Json => true,
            ScanPayloadFormat.Mixed => _random.Next(2) == 1,
            _ => false,
        };
        if (!json)
        {
            return scan;
        }

        var ts = _options.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        // seq numbers the scanner's scans: a QoS 1 resend repeats it, a new scan of the same pack does not.
        return JsonSerializer.SerializeToUtf8Bytes(new JsonScan(Encoding.Latin1.GetString(scan), ts, seq));
    }

    private sealed record JsonScan(
        [property: System.Text.Json.Serialization.JsonPropertyName("raw")] string Raw,
        [property: System.Text.Json.Serialization.JsonPropertyName("ts")] string Ts,
        [property: System.Text.Json.Serialization.JsonPropertyName("seq")] long Seq);

    private Task OnVerdictAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        string status;
        string detail;
        try
        {
            using var document = JsonDocument.Parse(message.Payload);
            var root = document.RootElement;
            status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "unknown";
            detail = string.Join(' ', new[] { "id", "counter", "seq", "reason", "message" }
                .Where(name => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null)
                .Select(name => $"{name}={root.GetProperty(name)}"));
        }
        catch (JsonException e)
        {
            status = "unreadable";
            detail = e.Message;
        }

        _verdicts.AddOrUpdate(status, 1, (_, n) => n + 1);
        _log($"{Id} verdict {status} {detail}");
        return Task.CompletedTask;
    }
}
