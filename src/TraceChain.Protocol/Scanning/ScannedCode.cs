using System.Text;

namespace TraceChain.Protocol.Scanning;

/// <summary>One decoded scan as the scanner delivered it: the raw bytes (GS stays 0x1D) and how the symbology was named.</summary>
public sealed record ScannedCode
{
    /// <summary>Creates a scan.</summary>
    /// <param name="data">Decoded bytes without AIM prefix or suffix.</param>
    /// <param name="symbologyIdentifier">AIM symbology identifier such as "]d2", when the scanner sent one.</param>
    /// <param name="ssiCodeType">SSI barcode type byte, when read in SSI framed mode.</param>
    public ScannedCode(ReadOnlyMemory<byte> data, string? symbologyIdentifier = null, byte? ssiCodeType = null)
    {
        Data = data;
        SymbologyIdentifier = symbologyIdentifier;
        SsiCodeType = ssiCodeType;
    }

    /// <summary>Decoded bytes without AIM prefix or suffix.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>AIM symbology identifier such as "]d2", when present.</summary>
    public string? SymbologyIdentifier { get; }

    /// <summary>SSI barcode type byte (0x03 = Code 128, 0x1B = Data Matrix ...), when read in SSI mode.</summary>
    public byte? SsiCodeType { get; }

    /// <summary>The data as text; Latin-1 so that every byte maps to one char and GS stays U+001D.</summary>
    public string Text => Encoding.Latin1.GetString(Data.Span);

    /// <summary>The data prefixed with the AIM identifier when there is one, as a scanner would print it.</summary>
    public string TextWithSymbologyIdentifier => SymbologyIdentifier + Text;

    /// <inheritdoc />
    public bool Equals(ScannedCode? other) =>
        other is not null
        && SymbologyIdentifier == other.SymbologyIdentifier
        && SsiCodeType == other.SsiCodeType
        && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(SymbologyIdentifier);
        hash.Add(SsiCodeType);
        hash.AddBytes(Data.Span);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => TextWithSymbologyIdentifier.Replace("\u001d", "\\x1d", StringComparison.Ordinal);
}
