using MediatR;
using TraceGateway.Features.RegisterParty;
using TraceGateway.Security;

namespace TraceGateway.Endpoints;

/// <summary>Party registration (regulator or admin).</summary>
public static class PartyEndpoints
{
    public static IEndpointRouteBuilder MapPartyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/parties").WithTags("Registry").RequireAuthorization(GatewayPolicies.Registry);
        group.MapPost("", async (RegisterPartyCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var created = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/v1/entries/{created.Seq}", created);
        });
        return routes;
    }
}
