using MediatR;
using TraceGateway.Features.RegisterDevice;
using TraceGateway.Features.RevokeDevice;
using TraceGateway.Features.RotateDeviceKey;
using TraceGateway.Security;
using TraceLedger.Api;

namespace TraceGateway.Endpoints;

/// <summary>Device registration, key rotation and revocation (regulator or admin).</summary>
public static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/devices").WithTags("Registry").RequireAuthorization(GatewayPolicies.Registry);
        group.MapPost("", async (RegisterDeviceCommand command, IMediator mediator, CancellationToken cancellationToken) =>
            Created(await mediator.Send(command, cancellationToken)));
        group.MapPost("/{deviceId}/keys", async (string deviceId, KeyRotationRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            Created(await mediator.Send(new RotateDeviceKeyCommand(deviceId, body.PublicKey), cancellationToken)));
        group.MapPost("/{deviceId}/revoke", async (string deviceId, IMediator mediator, CancellationToken cancellationToken) =>
            Created(await mediator.Send(new RevokeDeviceCommand(deviceId), cancellationToken)));
        return routes;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Created<RegistryResponse> Created(RegistryResponse entry) =>
        TypedResults.Created($"/v1/entries/{entry.Seq}", entry);
}
