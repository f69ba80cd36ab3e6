namespace TraceChain.Protocol.Scanning;

/// <summary>The terminator a scanner in line (keyboard-wedge style serial) mode appends to each scan.</summary>
public enum LineSuffix
{
    /// <summary>Carriage return, 0x0D.</summary>
    Cr,

    /// <summary>Line feed, 0x0A.</summary>
    Lf,

    /// <summary>Carriage return then line feed; a bare LF is also accepted as the end of a line.</summary>
    CrLf,
}
