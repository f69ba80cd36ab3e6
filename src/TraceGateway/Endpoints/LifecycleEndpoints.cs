using System.Security.Claims;
using MediatR;
using TraceGateway.Features.CommissionBatch;
using TraceGateway.Features.RegisterCompanyPrefix;
using TraceGateway.Features.VerifyPack;
using TraceGateway.Security;

namespace TraceGateway.Endpoints;

/// <summary>
/// The pack lifecycle for partners: verification at the counter or in the warehouse (as the calling party),
/// company prefixes (registry) and commissioning (manufacturers, as themselves).
/// </summary>
public static class LifecycleEndpoints
{
    public static IEndpointRouteBuilder MapLifecycleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Lifecycle");
        group.MapPost("/verifications", async (VerifyPackBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new VerifyPackCommand(Subject(user), body.Scan, body.Identifier, body.Batch, body.Expiry, body.ScratchCode), cancellationToken)))
            .RequireAuthorization(GatewayPolicies.PartyMembers);
        group.MapPost("/company-prefixes", async (RegisterCompanyPrefixCommand command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(command, cancellationToken);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(GatewayPolicies.Registry);
        group.MapPost("/batches", async (CommissionBatchBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(
                    new CommissionBatchCommand(Subject(user), body.Gtin, body.Lot, body.Expiry, body.Product, body.Count, body.ImportedSerials, body.ChinaCodes, body.ScratchCodes),
                    cancellationToken);
                return TypedResults.Created($"/v1/entries/{result.Seq}", result);
            })
            .RequireAuthorization(GatewayPolicies.Manufacturers)
            .WithMetadata(new BodySizeLimit(64L << 20));
        return routes;
    }

    private static string? Subject(ClaimsPrincipal user) => user.FindFirst(ApiKeyAuthenticationHandler.SubjectClaim)?.Value;
}
