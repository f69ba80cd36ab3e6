using Microsoft.AspNetCore.Http.HttpResults;
using TraceChain.Protocol.Signing;
using TraceLedger.Packs;

namespace TraceLedger.Api;

/// <summary>
/// The pack lifecycle over HTTP. <c>POST /v1/verify</c> is public and answers in the consumer view; everything
/// else needs an API key: partner verification, pack operations as signed hops, status, company prefixes,
/// commissioning, recalls, alerts.
/// </summary>
public static class PackEndpoints
{
    public static IEndpointRouteBuilder MapPackEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/verify", (VerifyBody body, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () => TypedResults.Ok(await packs.Verdicts.VerifyForConsumerAsync(Request(body) with { PartyGln = null }, cancellationToken))));
        var group = routes.MapGroup("/v1").AddEndpointFilter(RegistryEndpoints.RequireApiKeyAsync);
        group.MapPost("/verifications", (VerifyBody body, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () => body.PartyGln is null
                ? BadRequest("partyGln is required for a partner verification")
                : TypedResults.Ok(await packs.Verdicts.VerifyAsync(Request(body), cancellationToken))));
        group.MapPost("/packs/operations", (HttpRequest request, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, cancellationToken);
                var hop = SignedHop.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                return TypedResults.Ok(await packs.Packs.ApplyAsync(hop, cancellationToken));
            }));
        group.MapGet("/packs/{identifier}", (string identifier, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () => await packs.Packs.FindAsync(identifier, cancellationToken) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound()));
        group.MapPost("/company-prefixes", (CompanyPrefixBody body, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () =>
            {
                var seq = await packs.Commissioning.RegisterCompanyPrefixAsync(body.Prefix ?? "", body.PartyGln ?? "", cancellationToken);
                return TypedResults.Created($"/v1/entries/{seq}", new RegistryResponse(seq));
            }));
        group.MapPost("/batches", (CommissionRequest body, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () =>
            {
                var result = await packs.Commissioning.CommissionAsync(body, cancellationToken);
                return TypedResults.Created($"/v1/entries/{result.Seq}", result);
            }));
        // The lot goes in the query: it may hold '/', which a path segment cannot carry unambiguously.
        // Keyset paging: after= is the previous page's "next" (a pack identifier); total=true adds the batch's count.
        group.MapGet("/batches/{gtin}/packs", (string gtin, string? lot, string? after, int? limit, bool? total, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () => string.IsNullOrEmpty(lot)
                ? BadRequest("lot is required")
                : await packs.Packs.BatchPacksAsync(gtin, lot, string.IsNullOrEmpty(after) ? null : after, Math.Clamp(limit ?? 1000, 0, 10_000), total ?? false, cancellationToken) is { } page
                    ? TypedResults.Ok(page)
                    : TypedResults.NotFound()));
        group.MapPost("/recalls", (RecallRequest body, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () => TypedResults.Ok(await packs.Commissioning.RecallAsync(body, cancellationToken))));
        group.MapGet("/alerts", (string? code, bool? open, string? identifier, string? actor, int? limit, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () =>
            {
                var parsed = Alerts.ParseCode(code);
                return code is not null && parsed is null
                    ? BadRequest($"unknown alert code '{code}'")
                    : TypedResults.Ok(await packs.Alerts.ListAsync(new AlertQuery(parsed, open, identifier, actor, limit ?? 100), cancellationToken));
            }));
        group.MapPost("/alerts/{id:long}/close", (long id, CloseAlertBody body, PackLedger packs, CancellationToken cancellationToken) =>
            Run(async () =>
            {
                if (Alerts.ParseRootCause(body.RootCause) is not { } cause)
                {
                    return BadRequest("rootCause must be technical, procedural or suspected_falsification");
                }

                await packs.Alerts.CloseAsync(id, cause, body.Note, cancellationToken);
                return TypedResults.NoContent();
            }));
        return routes;
    }

    private static VerdictRequest Request(VerifyBody body)
    {
        if (body.Scan is not { Length: > 0 } scan)
        {
            return new VerdictRequest(body.Identifier, body.Batch, body.Expiry, body.PartyGln, body.ScratchCode);
        }

        var read = PackScan.ToRequest(scan, body.PartyGln, body.ScratchCode);
        return read with { Batch = body.Batch ?? read.Batch, Expiry = body.Expiry ?? read.Expiry };
    }

    private static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (PackRequestException e)
        {
            return BadRequest(e.Message);
        }
        catch (FormatException e)
        {
            return BadRequest(e.Message);
        }
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Pack request refused");
}
