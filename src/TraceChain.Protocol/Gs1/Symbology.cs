namespace TraceChain.Protocol.Gs1;

/// <summary>The barcode symbology named by an AIM symbology identifier.</summary>
public enum Symbology
{
    /// <summary>No AIM identifier was transmitted.</summary>
    Unknown,

    /// <summary>Data Matrix (]d).</summary>
    DataMatrix,

    /// <summary>QR Code (]Q).</summary>
    QrCode,

    /// <summary>Code 128 / GS1-128 (]C).</summary>
    Code128,

    /// <summary>GS1 DataBar (]e).</summary>
    DataBar,

    /// <summary>EAN-13, EAN-8, UPC-A or UPC-E (]E).</summary>
    EanUpc,

    /// <summary>DotCode (]J).</summary>
    DotCode,

    /// <summary>Another symbology (well-formed AIM identifier, but not one that carries GS1 element strings).</summary>
    Other,
}
