namespace TraceChain.Serial;

/// <summary>A port connected, disconnected or failed to (re)open.</summary>
public sealed class SerialConnectionEventArgs : EventArgs
{
    /// <summary>Creates event data.</summary>
    public SerialConnectionEventArgs(string device, Exception? error)
    {
        Device = device;
        Error = error;
    }

    /// <summary>The device path.</summary>
    public string Device { get; }

    /// <summary>Why the port went down or could not open; null for a connect or a requested close.</summary>
    public Exception? Error { get; }
}
