using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TraceLedger.Packs;

namespace TraceLedger.Api;

/// <summary>
/// The notification feed over HTTP, for a gateway that publishes recalls and alerts while the ledger runs elsewhere.
/// Read-only views of <see cref="NotificationFeed"/> behind the API key: recalls after a log sequence number, alerts
/// after an alert number, and the newest alert number (where a new publisher starts).
/// </summary>
public static class NotificationFeedEndpoints
{
    /// <summary>Most log entries (recalls) or alerts one page may carry.</summary>
    public const int MaxLimit = 1000;

    private const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapNotificationFeedEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/feed").AddEndpointFilter(RegistryEndpoints.RequireApiKeyAsync);
        group.MapGet("/recalls", async Task<IResult> (string? after, string? limit, PackLedger packs, CancellationToken cancellationToken) =>
            Problem(after, -1, limit, out var cursor, out var max) is { } problem
                ? BadRequest(problem)
                : TypedResults.Ok(await new NotificationFeed(packs).RecallsAfterAsync(cursor, max, cancellationToken)));
        group.MapGet("/alerts", async Task<IResult> (string? after, string? limit, PackLedger packs, CancellationToken cancellationToken) =>
            Problem(after, 0, limit, out var cursor, out var max) is { } problem
                ? BadRequest(problem)
                : TypedResults.Ok(await new NotificationFeed(packs).AlertsAfterAsync(cursor, max, cancellationToken)));
        group.MapGet("/alerts/last", async (PackLedger packs, CancellationToken cancellationToken) =>
            TypedResults.Ok(new LastAlertResponse(await new NotificationFeed(packs).LastAlertIdAsync(cancellationToken))));
        return routes;
    }

    /// <summary>
    /// Reads <c>after</c> (required, at least <paramref name="lowest"/>) and <c>limit</c> (1..<see cref="MaxLimit"/>,
    /// default 100); returns what is wrong with them, or null.
    /// </summary>
    private static string? Problem(string? after, long lowest, string? limit, out long position, out int max)
    {
        max = DefaultLimit;
        position = 0;
        if (after is null)
        {
            return "after is required (the last position the caller has read)";
        }

        if (!long.TryParse(after, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out position) || position < lowest)
        {
            return $"after '{after}' must be an integer of at least {lowest}";
        }

        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > MaxLimit))
        {
            return $"limit '{limit}' must be an integer from 1 to {MaxLimit}";
        }

        return null;
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Feed request refused");
}
