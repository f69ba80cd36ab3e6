using MediatR;
using TraceGateway.Features.GetPackHistory;
using TraceGateway.Security;

namespace TraceGateway.Endpoints;

/// <summary>Packs for partners and oversight: history with inclusion proofs.</summary>
public static class PackEndpoints
{
    public static IEndpointRouteBuilder MapPackEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/packs").WithTags("Packs").RequireAuthorization(GatewayPolicies.Partners);
        group.MapGet("/{itemKey}/history", async (string itemKey, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetPackHistoryQuery(itemKey, limit), cancellationToken)));
        return routes;
    }
}
