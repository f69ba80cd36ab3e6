using System.Text.Json;
using System.Text.Json.Serialization;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceLedger.Api;

/// <summary>The ledger's HTTP service: the endpoints over one open <see cref="Ledger"/>.</summary>
public static class LedgerHttpApp
{
    /// <summary>Builds (does not start) the web application listening on <paramref name="urls"/>.</summary>
    public static WebApplication Build(Ledger ledger, string urls) => Build(ledger, null, urls);

    /// <summary>Builds the service over a ledger with the pack lifecycle: the ledger endpoints plus the pack endpoints.</summary>
    public static WebApplication Build(PackLedger packs, string urls)
    {
        ArgumentNullException.ThrowIfNull(packs);
        return Build(packs.Ledger, packs, urls);
    }

    private static WebApplication Build(Ledger ledger, PackLedger? packs, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(HostArguments.With(null));
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(ledger);
        if (packs is not null)
        {
            builder.Services.AddSingleton(packs);
            builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        }
        builder.Services.AddProblemDetails();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapLedgerEndpoints();
        if (packs is not null)
        {
            app.MapPackEndpoints();
            app.MapNotificationFeedEndpoints();
        }

        return app;
    }

    /// <summary>Maps every ledger endpoint (also usable by a host that embeds the ledger).</summary>
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", IResult (Ledger ledger) => ledger.WriteFault is { } fault
            ? TypedResults.Problem(fault.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The ledger refuses writes")
            : TypedResults.Ok(new { status = "ok", treeSize = ledger.Checkpoint.TreeSize }));
        routes.MapHopEndpoints();
        routes.MapProofEndpoints();
        routes.MapRegistryEndpoints();
        return routes;
    }
}
