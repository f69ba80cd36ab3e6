using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt;

/// <summary>Settings of an <see cref="MqttClient"/>. The defaults suit a LAN broker.</summary>
public sealed record MqttClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker port (1883 plain, 8883 is usual for TLS).</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Client id; must be non-empty and stable for persistent sessions.</summary>
    public string ClientId { get; init; } = "tracechain-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>False asks the broker to keep subscriptions and queued QoS 1 messages while offline.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Keep-alive interval (whole seconds, at most 65535); <see cref="TimeSpan.Zero"/> disables it.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for PINGRESP (or any packet) after a PINGREQ before dropping the connection (at most <see cref="KeepAlive"/>).</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>User name, or null for none.</summary>
    public string? Username { get; init; }

    /// <summary>Password (sent as UTF-8), or null for none; needs <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Last-will message, or null for none.</summary>
    public MqttWill? Will { get; init; }

    /// <summary>TLS settings, or null for plain TCP.</summary>
    public MqttTlsOptions? Tls { get; init; }

    /// <summary>Most QoS 1 publishes awaiting PUBACK at once; further publishes wait for a slot.</summary>
    public int MaxInFlight { get; init; } = 100;

    /// <summary>Largest packet sent or accepted, in bytes; bounds memory to about MaxInFlight x this.</summary>
    public int MaxPacketSize { get; init; } = 1 << 20;

    /// <summary>Received messages buffered for the handler before the socket read loop waits.</summary>
    public int DeliveryQueueCapacity { get; init; } = 256;

    /// <summary>Time allowed for TCP, TLS and CONNACK.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reconnect after a lost connection (only once <see cref="MqttClient.ConnectAsync"/> has succeeded).</summary>
    public bool AutoReconnect { get; init; } = true;

    /// <summary>First reconnect delay; doubles each failed attempt, with jitter.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Clock for keep-alive and backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        MqttStrings.Validate(ClientId, nameof(ClientId));
        if (ClientId.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("A persistent session (CleanSession = false) needs a client id", nameof(ClientId));
        }

        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue || KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            // CONNECT carries whole seconds; pinging on a finer clock than the broker's would race its 1.5 x limit.
            throw new ArgumentOutOfRangeException(nameof(KeepAlive), KeepAlive, "Keep-alive must be whole seconds from 0 to 65535");
        }

        if (Password is not null && Username is null)
        {
            throw new ArgumentException("MQTT 3.1.1 does not allow a password without a user name", nameof(Password));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxInFlight, 60_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPacketSize, 128);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPacketSize, RemainingLength.Max);
        ArgumentOutOfRangeException.ThrowIfLessThan(DeliveryQueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectMinDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectMinDelay);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
