namespace TraceChain.Serial.Interop;

/// <summary>Maps baud rates to Linux termios speed constants (B9600 = 0o15 ... B115200 = 0o10002).</summary>
internal static class BaudRates
{
    public static uint ToSpeed(int baud) => baud switch
    {
        9600 => 0x0D,
        19200 => 0x0E,
        38400 => 0x0F,
        57600 => 0x1001,
        115200 => 0x1002,
        _ => throw new ArgumentOutOfRangeException(nameof(baud), baud, "unsupported baud rate"),
    };

    public static int FromSpeed(uint speed) => speed switch
    {
        0x0D => 9600,
        0x0E => 19200,
        0x0F => 38400,
        0x1001 => 57600,
        0x1002 => 115200,
        _ => 0,
    };
}
