using MediatR;
using TraceLedger.Packs;

namespace TraceGateway.Features.RecallBatch;

/// <summary>Recalls (or withdraws) a lot of a GTIN, or all its lots when <paramref name="Lot"/> is null; the actor is the caller.</summary>
public sealed record RecallBatchCommand(string? ActorGln, string? Gtin, string? Lot, string? Reason, bool Withdrawal) : IRequest<RecallResult>;
