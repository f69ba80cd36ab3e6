namespace FirmwareSim.Serial;

/// <summary>The SSI barcode type byte a scanner reports, chosen from the scan's AIM identifier.</summary>
internal static class SsiCodeTypes
{
    public const byte Code128 = 0x03;
    public const byte DataMatrix = 0x1B;
    public const byte QrCode = 0x1C;
    public const byte Ean13 = 0x0B;

    public static byte For(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && data[0] == (byte)']'
            ? data[1] switch
            {
                (byte)'d' => DataMatrix,
                (byte)'Q' => QrCode,
                (byte)'E' => Ean13,
                _ => Code128,
            }
            : Code128;
}
