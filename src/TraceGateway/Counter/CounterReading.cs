using TraceChain.Protocol.Diagnosis;

namespace TraceGateway.Counter;

/// <summary>What one counter scan says: the pack it names (with batch and expiry as read), or why it names none.</summary>
/// <param name="Scan">The scan with the configured GS substitute turned back into GS.</param>
/// <param name="Identifier">Canonical pack identifier; null when the scan is not usable.</param>
/// <param name="Batch">AI 10 as read.</param>
/// <param name="Expiry">AI 17 as read (YYMMDD).</param>
/// <param name="Problem">Why the scan names no pack; null when it does.</param>
/// <param name="Findings">The scanner-setup diagnosis: why the reading is broken, or what looks wrong in a valid one.</param>
/// <param name="IsScratchCode">True when what was typed is a pack's scratch-off code, which is the patient's to check, not the counter's.</param>
public sealed record CounterReading(string Scan, string? Identifier, string? Batch, string? Expiry, string? Problem, IReadOnlyList<ScanFinding> Findings, bool IsScratchCode = false)
{
    /// <summary>True when the scan names a pack.</summary>
    public bool IsValid => Identifier is not null;
}
