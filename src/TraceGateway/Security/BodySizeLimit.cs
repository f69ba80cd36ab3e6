namespace TraceGateway.Security;

/// <summary>Endpoint metadata: the largest request body this endpoint accepts (others get <see cref="BodySizeLimitMiddleware.DefaultLimit"/>).</summary>
public sealed record BodySizeLimit(long Bytes);
