namespace TraceLedger.Log;

/// <summary>A registration or revocation the ledger refused (unknown party, duplicate device, bad key ...).</summary>
public sealed class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
