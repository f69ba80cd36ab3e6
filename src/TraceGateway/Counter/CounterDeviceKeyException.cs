namespace TraceGateway.Counter;

/// <summary>The gateway cannot open a counter device's stored key (its Data Protection key ring was lost or replaced).</summary>
public sealed class CounterDeviceKeyException : Exception
{
    public CounterDeviceKeyException()
    {
    }

    public CounterDeviceKeyException(string message)
        : base(message)
    {
    }

    public CounterDeviceKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
