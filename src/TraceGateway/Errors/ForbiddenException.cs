namespace TraceGateway.Errors;

/// <summary>The caller's role may use the endpoint, but not on this resource, e.g. another manufacturer's batch (answered 403).</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException()
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
