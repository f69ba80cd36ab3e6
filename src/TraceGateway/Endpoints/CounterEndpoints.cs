using System.Security.Claims;
using System.Security.Cryptography;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using TraceChain.Protocol.Gs1;
using TraceGateway.Counter;
using TraceGateway.Features.ApplyCounterOperation;
using TraceGateway.Features.VerifyPack;
using TraceGateway.LedgerAccess;
using TraceGateway.Security;
using TraceGateway.Web;

namespace TraceGateway.Endpoints;

/// <summary>
/// The pharmacy counter page: sign in with the pharmacy's API key (a cookie session follows), then scan, verify,
/// dispense and undo with plain form posts. Every post is checked against antiforgery; after a scan the browser is
/// redirected to the page (post/redirect/get), so reloading never dispenses twice.
/// </summary>
public static class CounterEndpoints
{
    private const string Verify = "verify";
    private const string Dispense = "dispense";
    private const string Undo = "undo";

    public static IEndpointRouteBuilder MapCounterEndpoints(this IEndpointRouteBuilder routes)
    {
        // Sign-in attempts are anonymous, so the per-client limit applies to them; sessions are not limited here.
        var group = routes.MapGroup("/counter").WithTags("Counter").ExcludeFromDescription().RequireRateLimiting(GatewayRateLimits.PerClient);
        group.MapGet("/login", (HttpContext context, IAntiforgery antiforgery) => Login(context, antiforgery, null, StatusCodes.Status200OK)).AllowAnonymous();
        group.MapPost("/login", SignInAsync).AllowAnonymous();
        group.MapPost("/logout", SignOutAsync).RequireAuthorization(CounterAuthentication.Policy);
        group.MapGet("", (HttpContext context, IAntiforgery antiforgery, CounterSessions sessions) => Page(context, antiforgery, sessions, null, StatusCodes.Status200OK))
            .RequireAuthorization(CounterAuthentication.Policy);
        group.MapPost("/scan", ScanAsync).RequireAuthorization(CounterAuthentication.Policy);
        group.MapPost("/settings", SettingsAsync).RequireAuthorization(CounterAuthentication.Policy);
        return routes;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, GatewayKeys keys, CounterSessions sessions, TimeProvider time)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Login(context, antiforgery, "form_refused", StatusCodes.Status400BadRequest);
        }

        var key = context.Request.Form["apikey"].ToString().Trim();
        var owner = key.Length == 0 ? null : await keys.VerifyAsync(key, context.RequestAborted);
        if (owner is null)
        {
            return Login(context, antiforgery, "wrong_key", StatusCodes.Status401Unauthorized);
        }

        if (owner.Role != GatewayRoles.Pharmacy)
        {
            return Login(context, antiforgery, "not_pharmacy", StatusCodes.Status403Forbidden);
        }

        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        sessions.Start(sessionId, GatewayKeys.KeyIdOf(key));
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Role, owner.Role),
                new Claim(ApiKeyAuthenticationHandler.SubjectClaim, owner.Subject),
                new Claim(ClaimTypes.Name, owner.Subject),
                new Claim(CounterAuthentication.SessionClaim, sessionId),
                new Claim(CounterAuthentication.SignedInClaim, CounterSessionValidation.UnixSeconds(time.GetUtcNow())),
                new Claim(CounterAuthentication.KeyIdClaim, GatewayKeys.KeyIdOf(key)),
            ],
            CounterAuthentication.Scheme);
        await context.SignInAsync(CounterAuthentication.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return SeeOther(context, "/counter");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, CounterSessions sessions)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, sessions, "form_refused", StatusCodes.Status400BadRequest);
        }

        sessions.Remove(SessionId(context.User));
        await context.SignOutAsync(CounterAuthentication.Scheme);
        return SeeOther(context, "/counter/login");
    }

    private static async Task<IResult> SettingsAsync(HttpContext context, IAntiforgery antiforgery, CounterSessions sessions)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, sessions, "form_refused", StatusCodes.Status400BadRequest);
        }

        var choice = context.Request.Form["gs"].ToString();
        if (!GsSubstitutes.IsKnown(choice))
        {
            return Page(context, antiforgery, sessions, "bad_setting", StatusCodes.Status400BadRequest);
        }

        sessions.Get(SessionId(context.User)).GsSubstitute = choice;
        return SeeOther(context, "/counter");
    }

    private static async Task<IResult> ScanAsync(HttpContext context, IAntiforgery antiforgery, CounterSessions sessions, IMediator mediator, TimeProvider time)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, sessions, "form_refused", StatusCodes.Status400BadRequest);
        }

        var form = context.Request.Form;
        var action = form["action"].ToString() is Dispense or Undo ? form["action"].ToString() : Verify;
        var session = sessions.Get(SessionId(context.User));
        var typed = form["scan"].ToString();
        var reading = typed.Length > TraceChain.Protocol.Hops.HopRules.MaxRawScanLength
            ? new CounterReading(typed[..64] + "…", null, null, null, $"the scan is longer than {TraceChain.Protocol.Hops.HopRules.MaxRawScanLength} characters", [])
            : CounterScanReader.Read(typed, session.GsSubstitute, new Gs1ParseOptions { TimeProvider = time });
        var gln = context.User.FindFirst(ApiKeyAuthenticationHandler.SubjectClaim)!.Value;
        session.Add(await OutcomeAsync(mediator, gln, action, reading, time.GetUtcNow(), context.RequestAborted));
        return SeeOther(context, "/counter");
    }

    private static async Task<CounterOutcome> OutcomeAsync(IMediator mediator, string gln, string action, CounterReading reading, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var shown = GsSubstitutes.Visible(reading.Scan);
        CounterOutcome Result(string code, string? emvs, string? detail) => new(now, action, shown, reading.Identifier, code, emvs, detail, reading.Findings);
        if (!reading.IsValid)
        {
            return Result(reading.IsScratchCode ? "scratch_code" : "unreadable", null, reading.Problem);
        }

        try
        {
            if (action == Verify)
            {
                var verdict = await mediator.Send(new VerifyPackCommand(gln, null, reading.Identifier, reading.Batch, reading.Expiry, null), cancellationToken);
                return Result(verdict.WireCode, verdict.EmvsCode, verdict.Message);
            }

            var operation = action == Dispense ? CounterAction.Dispense : CounterAction.UndoDispense;
            var result = await mediator.Send(new ApplyCounterOperationCommand(gln, operation, reading.Identifier, reading.Batch, reading.Expiry, reading.Scan), cancellationToken);
            return result switch
            {
                { Refusal: { } refusal } => Result(refusal.WireCode, refusal.EmvsCode, refusal.Detail),
                { Receipt.Accepted: false } => Result("ledger_refused", null, result.Receipt.Message),
                _ => Result(action == Dispense ? "dispensed" : "undone", null, null),
            };
        }
        catch (ValidationException e)
        {
            return Result("invalid_request", null, string.Join(" ", e.Errors.Select(x => x.ErrorMessage)));
        }
        catch (LedgerRefusedException e)
        {
            return Result("ledger_refused", null, e.Message);
        }
        catch (CounterDeviceKeyException e)
        {
            return Result("device_key_unusable", null, e.Message);
        }
        catch (LedgerUnavailableException)
        {
            return Result("ledger_unavailable", null, null);
        }
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, CounterSessions sessions, string? error, int status)
    {
        var text = CounterText.For(ConsumerLanguage.Choose(context.Request));
        var session = sessions.Get(SessionId(context.User));
        var gln = context.User.FindFirst(ApiKeyAuthenticationHandler.SubjectClaim)!.Value;
        var view = new CounterView(gln, session.GsSubstitute, session.Scans(), error, Tokens(context, antiforgery));
        return Html(context, text, CounterPage.Render(text, view), status);
    }

    private static IResult Login(HttpContext context, IAntiforgery antiforgery, string? error, int status)
    {
        var text = CounterText.For(ConsumerLanguage.Choose(context.Request));
        return Html(context, text, CounterPage.RenderLogin(text, error, Tokens(context, antiforgery)), status);
    }

    private static IResult Html(HttpContext context, CounterText text, string html, int status)
    {
        var headers = context.Response.Headers;
        headers.ContentLanguage = text.Lang;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = CounterPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static (string Field, string Token) Tokens(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return (tokens.FormFieldName, tokens.RequestToken!);
    }

    /// <summary>303 to <paramref name="path"/> in the page's language: the browser follows with a GET.</summary>
    private static IResult SeeOther(HttpContext context, string path)
    {
        context.Response.Headers.Location = path + "?lang=" + Uri.EscapeDataString(ConsumerLanguage.Choose(context.Request));
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static string SessionId(ClaimsPrincipal user) => user.FindFirst(CounterAuthentication.SessionClaim)!.Value;
}
