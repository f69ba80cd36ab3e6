using TraceGateway.LedgerAccess;

namespace TraceGateway.Endpoints;

/// <summary>/healthz: the process answers. /readyz: the ledger answers too (503 problem otherwise).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Health").AllowAnonymous();
        group.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")));
        group.MapGet("/readyz", async Task<IResult> (ILedgerClient ledger, CancellationToken cancellationToken) =>
            await ledger.IsReadyAsync(cancellationToken)
                ? TypedResults.Ok(new HealthStatus("ready"))
                : TypedResults.Problem("The ledger does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready"));
        return routes;
    }
}
