using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TraceGateway.Security;

/// <summary>
/// Rate limits for endpoints anonymous callers reach. Partitioned by client address; callers with an API key are not
/// limited here (their keys can be revoked instead). Refusals are 429 problem+json with Retry-After.
/// </summary>
public static class GatewayRateLimits
{
    /// <summary>Policy name for public (anonymous) endpoints.</summary>
    public const string PerClient = "per-client";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Too many requests from this address; try again later." },
                });
            };
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                ConsumerLimiter(settings, settings.ConsumerPerClientPermits, context => "addr:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown")),
                ConsumerLimiter(settings, settings.ConsumerPerPackPermits, PackKey));
            options.AddPolicy(PerClient, context => context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("authenticated")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PerClientPermits,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                    }));
        });
    }

    /// <summary>A fixed-window limiter that applies only to consumer endpoints, partitioned by <paramref name="key"/>.</summary>
    private static PartitionedRateLimiter<HttpContext> ConsumerLimiter(RateLimitSettings settings, int permits, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => context.GetEndpoint()?.Metadata.GetMetadata<ConsumerEndpoint>() is null
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(key(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                QueueLimit = 0,
            }));

    /// <summary>The pack a consumer check is about: the Digital Link path, or the typed code without spaces (photos: the address).</summary>
    private static string PackKey(HttpContext context)
    {
        // A photo's pack is known only after decoding; until then its uploads count per address.
        if (context.Request.HasFormContentType)
        {
            return "photo:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }

        var code = context.Request.Query["code"].ToString();
        code = code.Length > 0 ? code : context.Request.Query["scratch"].ToString();
        var key = code.Length > 0 ? new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()) : context.Request.Path.Value ?? "";
        return "pack:" + key.ToUpperInvariant();
    }
}
