using MediatR;
using TraceGateway.Features.CreateApiKey;
using TraceGateway.Features.RevokeApiKey;
using TraceGateway.Security;

namespace TraceGateway.Endpoints;

/// <summary>API key issue and revocation (admin).</summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/api-keys").WithTags("Access").RequireAuthorization(GatewayPolicies.KeyAdmin);
        group.MapPost("", async (CreateApiKeyCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var created = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/v1/api-keys/{created.KeyId}", created);
        });
        group.MapDelete("/{keyId}", async (string keyId, IMediator mediator, CancellationToken cancellationToken) =>
        {
            await mediator.Send(new RevokeApiKeyCommand(keyId), cancellationToken);
            return TypedResults.NoContent();
        });
        return routes;
    }
}
