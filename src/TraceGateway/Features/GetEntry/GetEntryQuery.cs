using MediatR;

namespace TraceGateway.Features.GetEntry;

/// <summary>The log entry at <paramref name="Seq"/>: its leaf data (canonical JSON) exactly as hashed.</summary>
public sealed record GetEntryQuery(long Seq) : IRequest<byte[]>;
