namespace ScannerAgent.Configuration;

/// <summary>The MQTT brokers' part of the settings checks (MQTT scanners, MQTT cameras, notifications).</summary>
public static partial class AgentSettingsLoader
{
    private static void CheckBroker(string at, IBrokerSettings broker, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(broker.Host))
        {
            problems.Add($"{at}:Host is required (the broker's host name or address)");
        }

        if (broker.Port is < 1 or > 65535)
        {
            problems.Add($"{at}:Port {broker.Port} must be 1..65535");
        }

        if (broker.ClientId is not null && (broker.ClientId.Length is 0 or > 64 || broker.ClientId.Contains('\0', StringComparison.Ordinal)))
        {
            problems.Add($"{at}:ClientId '{broker.ClientId}' must be 1-64 characters");
        }

        if (broker.Password is not null && broker.Username is null)
        {
            problems.Add($"{at}:Password is set without Username");
        }
    }

    // Two connections with one client id throw each other off the broker for ever (MQTT lets the newer one take the
    // session), and would share the delivery identities stored under that id. Ids are compared across brokers too:
    // two host names can name one broker.
    private static void CheckClientIds(AgentSettings settings, List<string> problems)
    {
        IEnumerable<(string At, IBrokerSettings Broker)> workers = settings.MqttScanners.Select((s, i) => ($"Agent:MqttScanners:{i}", (IBrokerSettings)s))
            .Concat(settings.CameraScanners.Select((c, i) => ($"Agent:CameraScanners:{i}", c)).Where(c => !c.c.IsFolder).Select(c => (c.Item1, (IBrokerSettings)c.c)));
        if (settings.Notifications is { Enabled: true } feed)
        {
            workers = workers.Append(("Agent:Notifications", feed));
        }

        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (at, broker) in workers)
        {
            var id = broker.ClientIdFor(settings.DeviceId);
            if (!first.TryAdd(id, at))
            {
                problems.Add($"{at}: MQTT client id '{id}' is already {first[id]}'s; each MQTT worker needs its own ClientId (two connections with one id throw each other off the broker)");
            }
        }
    }
}
