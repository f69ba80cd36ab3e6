namespace TraceChain.Mqtt.Broker;

/// <summary>How to run a local Eclipse Mosquitto broker (listeners on 127.0.0.1 only).</summary>
public sealed record MosquittoOptions
{
    /// <summary>Folder for the generated config, password file, log and persistence database.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>User names and passwords; when empty the broker allows anonymous clients.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>Keep sessions and queued messages across restarts (saved on shutdown).</summary>
    public bool Persistence { get; init; }

    /// <summary>Plain MQTT port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>TLS listener files, or null for no TLS listener.</summary>
    public MosquittoTlsFiles? Tls { get; init; }

    /// <summary>TLS port; 0 picks a free one. Ignored without <see cref="Tls"/>.</summary>
    public int TlsPort { get; init; }

    /// <summary>Access control list (mosquitto acl_file syntax), or null for none (every user may use every topic).</summary>
    public string? Acl { get; init; }

    /// <summary>The broker executable.</summary>
    public string Executable { get; init; } = "/usr/sbin/mosquitto";

    /// <summary>The password tool.</summary>
    public string PasswordTool { get; init; } = "mosquitto_passwd";

    /// <summary>How long to wait for the broker to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
