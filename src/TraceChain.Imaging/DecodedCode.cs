namespace TraceChain.Imaging;

/// <summary>
/// One code found in an image.
/// </summary>
/// <param name="Format">The symbology (one flag).</param>
/// <param name="SymbologyIdentifier">The AIM symbology identifier, e.g. "]d2" for GS1 Data Matrix, "]Q3" for GS1 QR,
/// "]Q1" for plain QR, "]C1" for GS1-128.</param>
/// <param name="Text">The content as text. ASCII content (all GS1 content) is exactly <paramref name="RawBytes"/>,
/// GS separators (0x1D) included.</param>
/// <param name="RawBytes">The content bytes, without the symbology identifier; GS1 separators kept as 0x1D.</param>
/// <param name="Corners">Top-left, top-right, bottom-right and bottom-left corner of the symbol, in pixels.</param>
public sealed record DecodedCode(
    BarcodeFormats Format,
    string SymbologyIdentifier,
    string Text,
    ReadOnlyMemory<byte> RawBytes,
    IReadOnlyList<PixelPoint> Corners)
{
    /// <summary>True for GS1 content (AIM modifiers ]d2, ]Q3, ]C1, ]e0 and kin).</summary>
    public bool IsGs1 => SymbologyIdentifier is "]d2" or "]Q3" or "]C1" or "]e0" or "]J1" or "]z1";
}
