namespace TraceChain.Imaging;

/// <summary>Barcode formats. The bit values are zxing-cpp 1.4's <c>BarcodeFormat</c> (checked in the shim).</summary>
[Flags]
public enum BarcodeFormats : uint
{
    /// <summary>No format; as a filter it means every format.</summary>
    None = 0,
    Aztec = 1 << 0,
    Codabar = 1 << 1,
    Code39 = 1 << 2,
    Code93 = 1 << 3,
    Code128 = 1 << 4,
    DataBar = 1 << 5,
    DataBarExpanded = 1 << 6,
    DataMatrix = 1 << 7,
    Ean8 = 1 << 8,
    Ean13 = 1 << 9,
    Itf = 1 << 10,
    MaxiCode = 1 << 11,
    Pdf417 = 1 << 12,
    QrCode = 1 << 13,
    UpcA = 1 << 14,
    UpcE = 1 << 15,
    MicroQrCode = 1 << 16,

    /// <summary>Every format zxing-cpp 1.4 reads.</summary>
    All = (1 << 17) - 1,
}
