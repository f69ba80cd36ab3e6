namespace ScannerAgent.Agent;

/// <summary>
/// Published to <c>tracechain/{site}/scanners/{id}/verdict</c>: <c>stored</c> once the hop is in the outbox,
/// then the ledger's receipt (<c>accepted</c>, <c>duplicate</c>, <c>refused</c>); <c>invalid</c> for a scan that makes no hop.
/// </summary>
/// <param name="Status">stored, accepted, duplicate, refused or invalid.</param>
/// <param name="Id">Pack or case identifier, when the scan was read.</param>
/// <param name="Counter">Device counter of the hop.</param>
/// <param name="Seq">Ledger entry sequence number (accepted, duplicate).</param>
/// <param name="Reason">Refusal reason or problem of an invalid scan.</param>
/// <param name="Message">Human-readable explanation.</param>
public sealed record MqttVerdict(string Status, string? Id, long? Counter, long? Seq, string? Reason, string? Message);
