using MediatR;
using TraceGateway.Features.AppendHops;
using TraceGateway.Security;
using TraceLedger.Api;

namespace TraceGateway.Endpoints;

/// <summary>
/// POST /v1/hops: signed hop batches from agents, the same contract as the ledger's own POST /v1/hops. No API key is
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
        return routes;
    }
}
