using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.GetLogKey;

/// <summary>The log's origin and public key, for verifying checkpoints offline.</summary>
public sealed record GetLogKeyQuery : IRequest<LogKeyResponse>;
