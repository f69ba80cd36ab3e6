namespace TraceGateway.Notifications;

/// <summary>
/// Configuration section <c>Notifications:Mqtt</c>: the broker the gateway publishes recalls and alerts to. Without
/// <see cref="Host"/> nothing is published.
/// </summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications:Mqtt";

    /// <summary>Broker host name or address; empty turns publishing off.</summary>
    public string? Host { get; set; }

    /// <summary>Broker port (1883 plain, 8883 with TLS).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>User name, if the broker requires one.</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>CA certificate (PEM or DER) the broker's certificate must chain to; set to use TLS.</summary>
    public string? CaFile { get; set; }

    /// <summary>Name the broker's certificate must carry, when it differs from <see cref="Host"/>.</summary>
    public string? TlsTargetHost { get; set; }

    /// <summary>MQTT client id of the publisher.</summary>
    public string ClientId { get; set; } = "tracechain-gateway";

    /// <summary>First topic level of every notification topic.</summary>
    public string TopicPrefix { get; set; } = TraceChain.Protocol.Notifications.RecallTopic.DefaultPrefix;

    /// <summary>
    /// SQLite file with the publisher's cursors; default <c>{Ledger:Database}.notify.db</c> with the embedded ledger and
    /// <c>gateway-notify.db</c> beside <c>Ledger:KeysDatabase</c> (the gateway's own data) with a remote one.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>How often the ledger is read for new recalls and alerts.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Publish alerts to the parties' topics (recalls are always published).</summary>
    public bool Alerts { get; set; } = true;

    /// <summary>The cursor file: <see cref="StatePath"/>, or its default for the ledger mode.</summary>
    public string CursorPath(LedgerAccess.LedgerSettings ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (StatePath is not null)
        {
            return StatePath;
        }

        // A remote gateway has no ledger file; its own data (the API key store) lives under KeysDatabase's folder.
        return ledger.IsRemote
            ? Path.Combine(Path.GetDirectoryName(ledger.KeysDatabase) ?? "", "gateway-notify.db")
            : ledger.Database + ".notify.db";
    }

    /// <summary>True when a broker is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Every problem with the settings, each naming its key; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Port is < 1 or > 65535)
        {
            problems.Add($"{Section}:Port {Port} must be 1..65535");
        }

        if (string.IsNullOrWhiteSpace(TopicPrefix) || TopicPrefix.IndexOfAny(['+', '#', '\0']) >= 0 || TopicPrefix.StartsWith('/') || TopicPrefix.EndsWith('/'))
        {
            problems.Add($"{Section}:TopicPrefix '{TopicPrefix}' must be topic levels without '+', '#' or a leading/trailing '/'");
        }

        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Length > 64)
        {
            problems.Add($"{Section}:ClientId must be 1-64 characters");
        }

        if (Password is not null && Username is null)
        {
            problems.Add($"{Section}:Password is set without Username");
        }

        if (CaFile is not null && !File.Exists(CaFile))
        {
            problems.Add($"{Section}:CaFile {CaFile} does not exist");
        }

        if (PollMilliseconds is < 10 or > 60_000)
        {
            problems.Add($"{Section}:PollMilliseconds {PollMilliseconds} must be 10..60000");
        }

        return problems;
    }
}
