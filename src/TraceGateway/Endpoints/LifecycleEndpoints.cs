using System.Security.Claims;
using MediatR;
using TraceGateway.Features.CloseAlert;
using TraceGateway.Features.CommissionBatch;
using TraceGateway.Features.ListAlerts;
using TraceGateway.Features.RecallBatch;
using TraceGateway.Features.RegisterCompanyPrefix;
using TraceGateway.Features.VerifyPack;
using TraceGateway.Features.VerifyPacks;
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
        group.MapPost("/verifications/bulk", async (VerifyPacksBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new VerifyPacksCommand(Subject(user), body.Items), cancellationToken)))
            .RequireAuthorization(GatewayPolicies.PartyMembers)
            .WithMetadata(new BodySizeLimit(2L << 20));
        group.MapPost("/company-prefixes", async (RegisterCompanyPrefixCommand command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(command, cancellationToken);
                return TypedResults.Created($"/v1/entries/{created.Seq}", created);
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
        group.MapPost("/recalls", async (RecallBatchBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new RecallBatchCommand(Subject(user), body.Gtin, body.Lot, body.Reason, body.Withdrawal), cancellationToken)))
            .RequireAuthorization(GatewayPolicies.Recallers);
        group.MapGet("/alerts", async (string? code, bool? open, string? identifier, string? actor, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new ListAlertsQuery(code, open, identifier, actor, limit), cancellationToken)))
            .RequireAuthorization(GatewayPolicies.Oversight);
        group.MapPost("/alerts/{id:long}/close", async (long id, TraceLedger.Api.CloseAlertBody body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new CloseAlertCommand(id, body.RootCause, body.Note), cancellationToken);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(GatewayPolicies.Oversight);
        return routes;
    }

    private static string? Subject(ClaimsPrincipal user) => user.FindFirst(ApiKeyAuthenticationHandler.SubjectClaim)?.Value;
}
