namespace ScannerAgent.Agent;

/// <summary>
/// Published to <c>tracechain/{site}/scanners/{id}/verdict</c>: <c>stored</c> once the hop is in the outbox,
/// then the ledger's receipt (<c>accepted</c>, <c>duplicate</c>, <c>refused</c>); <c>invalid</c> for a scan that makes no hop;
/// <c>recalled</c> or <c>withdrawn</c> right after <c>stored</c> when the agent's recall cache knows the pack's batch.
/// </summary>
/// <param name="Status">stored, accepted, duplicate, refused, invalid, recalled or withdrawn.</param>
/// <param name="Id">Pack or case identifier, when the scan was read.</param>
/// <param name="Counter">Device counter of the hop.</param>
/// <param name="Seq">Ledger entry sequence number (accepted, duplicate; the recall's entry for recalled, withdrawn).</param>
/// <param name="Reason">Refusal reason, problem of an invalid scan, or the recall's reason.</param>
/// <param name="Message">Human-readable explanation.</param>
public sealed record MqttVerdict(string Status, string? Id, long? Counter, long? Seq, string? Reason, string? Message);
