using MediatR;

namespace TraceGateway.Features.GetPackHistory;

/// <summary>Where a pack (or case, pallet) has been: its newest <paramref name="Limit"/> log entries, each with an inclusion proof.</summary>
public sealed record GetPackHistoryQuery(string? ItemKey, int? Limit) : IRequest<PackHistoryResponse>;
