namespace TraceGateway.LedgerAccess;

/// <summary>The ledger refused a request (bad range, registry rule); the message says why and goes to the client.</summary>
public sealed class LedgerRefusedException : Exception
{
    public LedgerRefusedException()
    {
    }

    public LedgerRefusedException(string message)
        : base(message)
    {
    }

    public LedgerRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
