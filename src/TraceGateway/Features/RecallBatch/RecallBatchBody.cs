namespace TraceGateway.Features.RecallBatch;

/// <summary>POST /v1/recalls body (the recalling party is the caller).</summary>
public sealed record RecallBatchBody(string? Gtin, string? Lot, string? Reason, bool Withdrawal);
