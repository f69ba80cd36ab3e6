namespace TraceLedger.Log;

/// <summary>A proof or entry was asked for outside the published log (seq or size beyond the newest checkpoint).</summary>
public sealed class LedgerRangeException : Exception
{
    public LedgerRangeException()
    {
    }

    public LedgerRangeException(string message)
        : base(message)
    {
    }

    public LedgerRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
