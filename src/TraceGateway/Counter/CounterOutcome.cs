using TraceChain.Protocol.Diagnosis;

namespace TraceGateway.Counter;

/// <summary>One scan at the counter and what came of it, as the page shows it.</summary>
/// <param name="At">When it was scanned.</param>
/// <param name="Action">verify, dispense or undo.</param>
/// <param name="Scan">The scan as read, GS shown as &lt;GS&gt;.</param>
/// <param name="Identifier">The pack it names, when readable.</param>
/// <param name="Code">The ledger's verdict or refusal code (snake_case), <c>dispensed</c>, <c>undone</c>, or one of the page's own: <c>unreadable</c>, <c>ledger_refused</c>, <c>ledger_unavailable</c>, <c>invalid_request</c>.</param>
/// <param name="EmvsCode">EMVS alert code (A2, A3, A7, A52, A68) where one applies.</param>
/// <param name="Detail">The ledger's sentence (English) or the reason the scan is unreadable.</param>
/// <param name="Findings">Scanner-setup diagnosis of the reading.</param>
public sealed record CounterOutcome(
    DateTimeOffset At,
    string Action,
    string Scan,
    string? Identifier,
    string Code,
    string? EmvsCode,
    string? Detail,
    IReadOnlyList<ScanFinding> Findings);
