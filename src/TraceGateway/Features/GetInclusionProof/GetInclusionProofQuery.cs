using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.GetInclusionProof;

/// <summary>Inclusion proof of entry <paramref name="Seq"/> in the tree of <paramref name="Size"/> leaves (the newest checkpoint when null).</summary>
public sealed record GetInclusionProofQuery(long? Seq, long? Size) : IRequest<InclusionProofResponse>;
