namespace TraceLedger.Packs.Storage;

/// <summary>A raised alert: what was detected, about which pack, by whom, where and when; closed with a root cause.</summary>
public sealed class AlertRow
{
    public long Id { get; set; }

    public string Code { get; set; } = "";

    public string? Identifier { get; set; }

    public string? ActorGln { get; set; }

    public string? LocationGln { get; set; }

    public long AtMs { get; set; }

    public string Detail { get; set; } = "";

    public bool Closed { get; set; }

    public string? RootCause { get; set; }

    public string? ClosingNote { get; set; }

    public long? ClosedAtMs { get; set; }
}
