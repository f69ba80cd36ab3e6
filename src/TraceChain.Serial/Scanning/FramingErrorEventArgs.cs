using TraceChain.Protocol.Scanning;

namespace TraceChain.Serial.Scanning;

/// <summary>A decoder reported a problem on a scanner's byte stream.</summary>
public sealed class FramingErrorEventArgs : EventArgs
{
    /// <summary>Creates event data.</summary>
    public FramingErrorEventArgs(string device, FramingError error)
    {
        Device = device;
        Error = error;
    }

    /// <summary>The device path.</summary>
    public string Device { get; }

    /// <summary>The problem.</summary>
    public FramingError Error { get; }
}
