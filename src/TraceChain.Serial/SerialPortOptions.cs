namespace TraceChain.Serial;

/// <summary>How to open and keep a serial port (always raw mode, 8 data bits, no parity, 1 stop bit, no flow control).</summary>
/// <param name="Device">Device path such as /dev/ttyUSB0, /dev/pts/3 or a symlink to one.</param>
/// <param name="BaudRate">One of 9600, 19200, 38400, 57600, 115200.</param>
public sealed record SerialPortOptions(string Device, int BaudRate = 9600)
{
    /// <summary>The baud rates the port maps to termios B* constants.</summary>
    public static IReadOnlyList<int> SupportedBaudRates { get; } = [9600, 19200, 38400, 57600, 115200];

    /// <summary>
    /// How long one read() waits for the first byte (termios VTIME, rounded to 0.1 s, 1..2 tenths). It bounds how
    /// long <see cref="TtySerialPort.Dispose"/> waits for the reader thread.
    /// </summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reopen the device after it disappears (USB unplug) or when it is absent at start.</summary>
    public bool Reconnect { get; init; } = true;

    /// <summary>First wait between reopen attempts; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest wait between reopen attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws when the options cannot be applied.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Device);
        if (!SupportedBaudRates.Contains(BaudRate))
        {
            throw new ArgumentException($"baud rate {BaudRate} is not supported for {Device}; use one of {string.Join(", ", SupportedBaudRates)}", nameof(BaudRate));
        }

        if (ReadTimeout < TimeSpan.FromMilliseconds(100) || ReadTimeout > TimeSpan.FromMilliseconds(200))
        {
            throw new ArgumentException($"read timeout {ReadTimeout.TotalMilliseconds} ms is outside 100..200 ms (VTIME 1..2)", nameof(ReadTimeout));
        }

        if (ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            throw new ArgumentException("reconnect delays must be positive with min <= max", nameof(ReconnectMinDelay));
        }
    }
}
