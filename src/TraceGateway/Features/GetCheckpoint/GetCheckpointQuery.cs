using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.GetCheckpoint;

/// <summary>The newest signed checkpoint of the log.</summary>
public sealed record GetCheckpointQuery : IRequest<CheckpointResponse>;
