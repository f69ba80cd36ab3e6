using MediatR;
using TraceGateway.Features.AppendHops;
using TraceGateway.Features.ApplyPackOperation;
using TraceGateway.Security;
using TraceLedger.Api;

namespace TraceGateway.Endpoints;

/// <summary>
/// POST /v1/hops: signed hop batches from agents (bulk pack operations with per-item receipts), in the same contract
/// as the ledger's own POST /v1/hops; POST /v1/packs/operations: one signed hop with its pack-level outcome. No API key is
/// needed: each hop carries its device's signature, which the ledger checks against the registered device key and
/// counter, so an agent proves itself per hop (a key, if sent, must still be valid).
/// </summary>
public static class HopCaptureEndpoints
{
    public static IEndpointRouteBuilder MapHopCaptureEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/hops").WithTags("Hops");
        group.MapPost("", async (AppendHopsCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(command, cancellationToken)))
            .AllowAnonymous()
            .Accepts<HopBatchRequestDoc>("application/json")
            .WithMetadata(new BodySizeLimit(TraceLedger.Api.HopEndpoints.MaxBodyBytes))
            .WithName("AppendHops");

        // One operation with its pack-level answer (e.g. a dispense refused as already dispensed); bulk goes through /v1/hops.
        routes.MapPost("/v1/packs/operations", async (ApplyPackOperationCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(command, cancellationToken)))
            .WithTags("Hops")
            .AllowAnonymous()
            .Accepts<System.Text.Json.JsonElement>("application/json");
        return routes;
    }
}
