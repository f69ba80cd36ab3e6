using TraceLedger.Log;

namespace TraceLedger.Api;

/// <summary>The ledger's HTTP service: the endpoints over one open <see cref="Ledger"/>.</summary>
public static class LedgerHttpApp
{
    /// <summary>Builds (does not start) the web application listening on <paramref name="urls"/>.</summary>
    public static WebApplication Build(Ledger ledger, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(ledger);
        builder.Services.AddProblemDetails();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapLedgerEndpoints();
        return app;
    }

    /// <summary>Maps every ledger endpoint (also usable by a host that embeds the ledger).</summary>
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", (Ledger ledger) => TypedResults.Ok(new { status = "ok", treeSize = ledger.Checkpoint.TreeSize }));
        routes.MapHopEndpoints();
        routes.MapProofEndpoints();
        routes.MapRegistryEndpoints();
        return routes;
    }
}
