namespace TraceChain.Serial;

/// <summary>Receives bytes on the port's reader thread; the span is valid only during the call.</summary>
public delegate void SerialDataHandler(TtySerialPort port, ReadOnlySpan<byte> data);
