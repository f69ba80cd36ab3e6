using Microsoft.AspNetCore.Http.Features;

namespace TraceGateway.Security;

/// <summary>
/// Applies each endpoint's body limit: a declared Content-Length above it is refused at once with 413; otherwise the
/// server's body-size feature enforces it while reading (chunked bodies included).
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    /// <summary>Limit for endpoints that declare none: registry and admin bodies are small.</summary>
    public const long DefaultLimit = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? DefaultLimit;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
