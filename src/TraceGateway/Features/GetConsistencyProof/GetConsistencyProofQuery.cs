using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.GetConsistencyProof;

/// <summary>Consistency proof from tree size <paramref name="From"/> to <paramref name="To"/> (the newest checkpoint when null).</summary>
public sealed record GetConsistencyProofQuery(long? From, long? To) : IRequest<ConsistencyProofResponse>;
