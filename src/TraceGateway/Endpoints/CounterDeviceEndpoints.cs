using MediatR;
using TraceGateway.Features.RegisterCounterDevice;
using TraceGateway.Security;

namespace TraceGateway.Endpoints;

/// <summary>Counter devices held by the gateway for pharmacies' counter pages: created on first use, or ahead of it here (regulator or admin).</summary>
public static class CounterDeviceEndpoints
{
    public static IEndpointRouteBuilder MapCounterDeviceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/counter-devices").WithTags("Registry").RequireAuthorization(GatewayPolicies.Registry);
        group.MapPost("", async (RegisterCounterDeviceCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var device = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/v1/entries/{device.Seq}", device);
        });
        return routes;
    }
}
