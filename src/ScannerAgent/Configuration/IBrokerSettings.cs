namespace ScannerAgent.Configuration;

/// <summary>How an agent worker reaches its MQTT broker: MQTT scanners, MQTT cameras and the notification feed.</summary>
public interface IBrokerSettings
{
    /// <summary>Broker host name or address.</summary>
    string? Host { get; }

    /// <summary>Broker TCP port.</summary>
    int Port { get; }

    /// <summary>User name, if the broker requires one.</summary>
    string? Username { get; }

    /// <summary>Password for <see cref="Username"/>.</summary>
    string? Password { get; }

    /// <summary>The configured client id of the persistent session, or null for the worker's default.</summary>
    string? ClientId { get; }

    /// <summary>The client id the worker uses: <see cref="ClientId"/>, or its default made from the device id.</summary>
    string ClientIdFor(string deviceId);
}
