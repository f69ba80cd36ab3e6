using MediatR;

namespace TraceGateway.Features.GetEntryBundle;

/// <summary>Everything to check entry <paramref name="Seq"/> offline: entry, inclusion proof and signed checkpoint.</summary>
public sealed record GetEntryBundleQuery(long Seq) : IRequest<byte[]>;
