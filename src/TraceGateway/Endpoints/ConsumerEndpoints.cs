using MediatR;
using Microsoft.AspNetCore.WebUtilities;
using TraceGateway.Features.VerifyForConsumer;
using TraceGateway.Security;
using TraceGateway.Web;
using TraceLedger.Packs;

namespace TraceGateway.Endpoints;

/// <summary>
/// Anonymous consumer checks: the GS1 Digital Link path printed in the pack's QR (<c>/01/{gtin}/10/{batch}/21/{serial}?17=YYMMDD</c>)
/// and the /verify form for typed codes. HTML for browsers, JSON for <c>Accept: application/json</c>; rate-limited per
/// client address and per pack.
/// </summary>
public static class ConsumerEndpoints
{
    public static IEndpointRouteBuilder MapConsumerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Consumer").AllowAnonymous().WithMetadata(new ConsumerEndpoint());
        group.MapGet("/01/{**rest}", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var link = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{WithoutLang(context.Request.QueryString)}";
            return Answer(context, await mediator.Send(new VerifyForConsumerQuery(link, null), cancellationToken), null, null);
        });
        group.MapGet("/verify", async (string? code, string? scratch, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(scratch)
                ? Page(context, null, null, null)
                : Answer(context, await mediator.Send(new VerifyForConsumerQuery(null, code, scratch), cancellationToken), code, scratch));
        return routes;
    }

    private static IResult Answer(HttpContext context, ConsumerVerdict verdict, string? typed, string? scratch) =>
        ConsumerLanguage.WantsJson(context.Request) ? TypedResults.Ok(verdict) : Page(context, verdict, typed, scratch);

    private static IResult Page(HttpContext context, ConsumerVerdict? verdict, string? typed, string? scratch)
    {
        var text = ConsumerText.For(ConsumerLanguage.Choose(context.Request));
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        query["lang"] = text.SwitchLang;
        var switchUrl = QueryHelpers.AddQueryString(context.Request.Path, query.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
        context.Response.Headers.ContentLanguage = text.Lang;
        context.Response.Headers.Vary = "Accept, Accept-Language";
        return TypedResults.Content(ConsumerPage.Render(text, verdict, typed, scratch, switchUrl), "text/html; charset=utf-8");
    }

    private static string WithoutLang(QueryString query)
    {
        var parameters = QueryHelpers.ParseQuery(query.Value).Where(p => p.Key != "lang").ToList();
        return parameters.Count == 0 ? "" : QueryHelpers.AddQueryString("", parameters.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
    }
}
