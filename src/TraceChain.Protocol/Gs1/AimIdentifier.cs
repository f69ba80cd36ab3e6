namespace TraceChain.Protocol.Gs1;

/// <summary>
/// An AIM symbology identifier ("]" + code character + modifier), e.g. ]d2 for GS1 DataMatrix, ]Q3 for GS1 QR,
/// ]C1 for GS1-128, ]e0 for GS1 DataBar, ]E0 for EAN-13/UPC-A, ]d1 for a plain (non-GS1) Data Matrix.
/// </summary>
/// <param name="Code">The symbology code character, e.g. 'd'.</param>
/// <param name="Modifier">The modifier character, e.g. '2'.</param>
public readonly record struct AimIdentifier(char Code, char Modifier)
{
    /// <summary>The symbology the code character names.</summary>
    public Symbology Symbology => Code switch
    {
        'd' => Symbology.DataMatrix,
        'Q' => Symbology.QrCode,
        'C' => Symbology.Code128,
        'e' => Symbology.DataBar,
        'E' => Symbology.EanUpc,
        'J' => Symbology.DotCode,
        _ => Symbology.Other,
    };

    /// <summary>
    /// True when this identifier announces GS1 element strings (FNC1 in first position): ]d2 ]d5 ]Q3 ]Q4 ]C1 ]e0
    /// ]J1, or a GTIN from EAN/UPC (]E0 ]E4).
    /// </summary>
    public bool IsGs1 => (Code, Modifier) is ('d', '2') or ('d', '5') or ('Q', '3') or ('Q', '4') or ('C', '1')
        or ('e', '0') or ('J', '1') or ('E', '0') or ('E', '4');

    /// <summary>True for EAN/UPC identifiers whose data is a bare GTIN rather than element strings.</summary>
    public bool IsEanUpc => Code == 'E' && Modifier is '0' or '4';

    /// <summary>True when the code character is one of the symbologies known here.</summary>
    public bool IsKnownSymbology => Symbology != Symbology.Other;

    /// <summary>
    /// Reads an AIM identifier at the start of <paramref name="data"/>: "]" followed by an ASCII letter and an
    /// ASCII letter or digit. False when there is none.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> data, out AimIdentifier identifier)
    {
        identifier = default;
        if (data.Length < 3 || data[0] != ']' || !char.IsAsciiLetter(data[1]) || !char.IsAsciiLetterOrDigit(data[2]))
        {
            return false;
        }

        identifier = new AimIdentifier(data[1], data[2]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"]{Code}{Modifier}";
}
