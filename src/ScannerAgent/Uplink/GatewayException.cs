namespace ScannerAgent.Uplink;

/// <summary>The gateway could not be reached or answered something other than receipts; the upload is retried.</summary>
public sealed class GatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GatewayException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GatewayException(string message)
        : base(message)
    {
    }
}
