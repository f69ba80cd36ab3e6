namespace TraceLedger.Packs;

/// <summary>A stored alert.</summary>
/// <param name="Id">Alert number.</param>
/// <param name="Code">What was detected.</param>
/// <param name="Identifier">The pack concerned, if one.</param>
/// <param name="ActorGln">Party whose action raised it, if known.</param>
/// <param name="LocationGln">Where, if known.</param>
/// <param name="At">When (ledger clock).</param>
/// <param name="Detail">What happened, for the investigator.</param>
/// <param name="RootCause">Set when closed.</param>
/// <param name="ClosingNote">Investigator's note when closed.</param>
/// <param name="ClosedAt">When closed.</param>
public sealed record Alert(
    long Id,
    AlertCode Code,
    string? Identifier,
    string? ActorGln,
    string? LocationGln,
    DateTimeOffset At,
    string Detail,
    RootCause? RootCause,
    string? ClosingNote,
    DateTimeOffset? ClosedAt)
{
    /// <summary>True while no root cause was given.</summary>
    public bool Open => RootCause is null;
}
