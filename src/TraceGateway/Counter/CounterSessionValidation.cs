using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using TraceGateway.Security;

namespace TraceGateway.Counter;

/// <summary>
/// Checks a counter session's cookie on every request: the shift's hard limit, the session still live on this gateway,
/// and, at most every <see cref="GatewayKeys.CacheLifetime"/>, its API key still live in the key store. The store check
/// is what ends a session whose key was revoked elsewhere (<c>TraceLedger api-key --revoke</c>, another gateway), which
/// this gateway's own revocation cannot see; it is the same delay the API key cache allows.
/// </summary>
public static class CounterSessionValidation
{
    /// <summary>Claim with the last time (Unix seconds) the session's key was found live in the key store.</summary>
    public const string KeyCheckedClaim = "key_checked";

    /// <summary>The cookie's <c>OnValidatePrincipal</c>.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, CounterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var sessions = services.GetRequiredService<CounterSessions>();
        var session = principal?.FindFirst(CounterAuthentication.SessionClaim)?.Value;
        var keyId = principal?.FindFirst(CounterAuthentication.KeyIdClaim)?.Value;
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;

        // Sliding renewal keeps an active session alive; a shift's length ends it regardless, and so does signing out.
        if (principal is null
            || string.IsNullOrEmpty(keyId)
            || Seconds(principal, CounterAuthentication.SignedInClaim) is not { } signedIn
            || now - signedIn > TimeSpan.FromHours(settings.MaxSessionHours)
            || !sessions.IsLive(session))
        {
            context.RejectPrincipal();
            return;
        }

        var checkedAt = Seconds(principal, KeyCheckedClaim) ?? signedIn;
        if (now - checkedAt < GatewayKeys.CacheLifetime)
        {
            return;
        }

        if (!await services.GetRequiredService<GatewayKeys>().IsLiveAsync(keyId, context.HttpContext.RequestAborted))
        {
            sessions.Remove(session!);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CounterAuthentication.Scheme);
            return;
        }

        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != KeyCheckedClaim), CounterAuthentication.Scheme);
        identity.AddClaim(new Claim(KeyCheckedClaim, UnixSeconds(now)));
        context.ReplacePrincipal(new ClaimsPrincipal(identity));
        context.ShouldRenew = true;
    }

    /// <summary>A time as the session's claims hold it.</summary>
    public static string UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Seconds(ClaimsPrincipal principal, string claim) =>
        long.TryParse(principal.FindFirst(claim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
