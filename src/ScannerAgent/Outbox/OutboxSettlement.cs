namespace ScannerAgent.Outbox;

/// <summary>How the ledger settled an outbox entry.</summary>
/// <param name="Counter">The entry's counter.</param>
/// <param name="Status">accepted, duplicate or refused.</param>
/// <param name="Seq">Log sequence number when accepted.</param>
/// <param name="Reason">Refusal reason (snake_case) when refused.</param>
/// <param name="Message">The ledger's explanation, if any.</param>
public sealed record OutboxSettlement(long Counter, string Status, long? Seq, string? Reason, string? Message);
