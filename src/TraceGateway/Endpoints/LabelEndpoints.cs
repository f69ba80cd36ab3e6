using System.Globalization;
using System.Security.Claims;
using MediatR;
using TraceGateway.Features.GetBatchLabels;
using TraceGateway.Security;

namespace TraceGateway.Endpoints;

/// <summary>Printable labels of a commissioned batch, for its manufacturer: an SVG sheet or a zip of PNGs, paged by cursor.</summary>
public static class LabelEndpoints
{
    public static IEndpointRouteBuilder MapLabelEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Labels");
        group.MapGet("/batches/{gtin}/{batch}/labels", async (
                    string gtin,
                    string batch,
                    string? symbology,
                    string? format,
                    string? after,
                    int? pageSize,
                    int? columns,
                    ClaimsPrincipal user,
                    HttpContext context,
                    IMediator mediator,
                    CancellationToken cancellationToken) =>
                {
                    // Page numbers meant OFFSET paging (quadratic over a big batch); say so rather than silently serve page 1.
                    if (context.Request.Query.ContainsKey("page"))
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]>
                        {
                            ["page"] = ["page numbers are not supported: follow the Link rel=\"next\" header (after=cursor) from the first page."],
                        });
                    }

                    var query = new GetBatchLabelsQuery(
                        user.FindFirst(ApiKeyAuthenticationHandler.SubjectClaim)?.Value,
                        gtin,
                        Lot(batch),
                        symbology ?? GetBatchLabelsQuery.DataMatrix,
                        format ?? GetBatchLabelsQuery.Svg,
                        string.IsNullOrEmpty(after) ? null : after,
                        pageSize ?? GetBatchLabelsQuery.DefaultPageSize,
                        columns ?? GetBatchLabelsQuery.DefaultColumns);
                    var file = await mediator.Send(query, cancellationToken);
                    var headers = context.Response.Headers;
                    headers["X-Total-Count"] = file.Total.ToString(CultureInfo.InvariantCulture);
                    headers["X-First-Label"] = file.First.ToString(CultureInfo.InvariantCulture);
                    headers["X-Label-Count"] = file.Labels.ToString(CultureInfo.InvariantCulture);
                    if (file.Next is not null)
                    {
                        headers.Link = $"<{NextUrl(context.Request, file.Next)}>; rel=\"next\"";
                    }

                    headers.XContentTypeOptions = "nosniff";
                    return Results.File(file.Content, file.ContentType, file.FileName);
                })
            .RequireAuthorization(GatewayPolicies.Manufacturers)
            .WithSummary("Printable labels of one page of a commissioned batch (the manufacturer's own)")
            .WithDescription("symbology=datamatrix|gs1qr|digitallink (default datamatrix); format=svg (one sheet, labels in a grid) or png (zip of one PNG per pack and labels.csv); after (cursor of the next page, from the Link rel=next header; absent for the first page), pageSize (1-1000, default 100), columns (SVG sheet, default 5). Headers X-Total-Count, X-First-Label, X-Label-Count and, unless the page ends the batch, Link rel=next.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>The lot from its path segment: Kestrel decodes everything but "%2F", which a lot containing '/' arrives as.</summary>
    private static string Lot(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The next page as a reference relative to this page (its last path segment, <c>labels</c>, and the query with the
    /// new cursor; RFC 8288 resolves it against the URL the client asked): right behind a reverse proxy that serves the
    /// gateway under a path prefix it strips, where an absolute path would leave the prefix out.
    /// </summary>
    private static string NextUrl(HttpRequest request, string cursor)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key != "after")
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
            .Append(KeyValuePair.Create("after", (string?)cursor));
        var path = request.Path.Value ?? "";
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path[(path.LastIndexOf('/') + 1)..], query);
    }
}
