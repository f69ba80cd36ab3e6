using MediatR;
using TraceGateway.Features.GetCheckpoint;
using TraceGateway.Features.GetConsistencyProof;
using TraceGateway.Features.GetEntry;
using TraceGateway.Features.GetEntryBundle;
using TraceGateway.Features.GetInclusionProof;
using TraceGateway.Features.GetLogKey;
using TraceGateway.Security;

namespace TraceGateway.Endpoints;

/// <summary>
/// The log: checkpoint, log key and proofs are public (hashes only, rate-limited per client address); entries and
/// bundles name partners, so they need a partner or oversight key.
/// </summary>
public static class LogEndpoints
{
    public static IEndpointRouteBuilder MapLogEndpoints(this IEndpointRouteBuilder routes)
    {
        var open = routes.MapGroup("/v1").WithTags("Log").AllowAnonymous().RequireRateLimiting(GatewayRateLimits.PerClient);
        open.MapGet("/checkpoint", async (IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetCheckpointQuery(), cancellationToken)));
        open.MapGet("/log-key", async (IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetLogKeyQuery(), cancellationToken)));
        open.MapGet("/proofs/inclusion", async (long? seq, long? size, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetInclusionProofQuery(seq, size), cancellationToken)));
        open.MapGet("/proofs/consistency", async (long? from, long? to, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetConsistencyProofQuery(from, to), cancellationToken)));

        var partners = routes.MapGroup("/v1/entries").WithTags("Log").RequireAuthorization(GatewayPolicies.Partners);
        partners.MapGet("/{seq:long}", async (long seq, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Bytes(await mediator.Send(new GetEntryQuery(seq), cancellationToken), "application/json"));
        partners.MapGet("/{seq:long}/bundle", async (long seq, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Bytes(await mediator.Send(new GetEntryBundleQuery(seq), cancellationToken), "application/json"));
        return routes;
    }
}
