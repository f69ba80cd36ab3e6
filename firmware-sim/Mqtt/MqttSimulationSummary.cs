namespace FirmwareSim.Mqtt;

/// <summary>What a Wi-Fi scanner simulation did.</summary>
/// <param name="Published">Scans published (garbage included).</param>
/// <param name="Garbage">Garbage payloads among them.</param>
/// <param name="Acknowledged">Publishes the broker acknowledged (PUBACK).</param>
/// <param name="Resent">PUBLISH packets resent with DUP after a reconnect.</param>
/// <param name="Reconnects">Connections made after the first, over all scanners.</param>
/// <param name="Verdicts">Verdicts received from the agent, by status (stored, invalid, accepted, ...).</param>
public sealed record MqttSimulationSummary(long Published, long Garbage, long Acknowledged, long Resent, long Reconnects, IReadOnlyDictionary<string, long> Verdicts)
{
    /// <summary>Verdicts that answer a published scan: stored or invalid.</summary>
    public long ScanVerdicts => Verdicts.GetValueOrDefault("stored") + Verdicts.GetValueOrDefault("invalid");

    /// <summary>The summary line.</summary>
    public override string ToString() =>
        $"done: {Published} published ({Garbage} garbage), {Acknowledged} acknowledged, {Resent} resent with DUP, {Reconnects} reconnects; verdicts: "
        + (Verdicts.Count == 0 ? "none" : string.Join(", ", Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}")));
}
