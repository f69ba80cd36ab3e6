namespace ScannerAgent.Outbox;

/// <summary>One signed hop waiting in (or settled from) the outbox.</summary>
/// <param name="Counter">The hop's device counter (the outbox key).</param>
/// <param name="Scanner">Name of the scanner that read it.</param>
/// <param name="Identifier">The pack identifier, for the operator's console.</param>
/// <param name="Workflow">The scanner workflow name.</param>
/// <param name="Entry">The signed hop's canonical JSON, exactly as uploaded.</param>
public sealed record OutboxEntry(long Counter, string Scanner, string Identifier, string Workflow, byte[] Entry);
