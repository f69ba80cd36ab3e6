namespace TraceChain.Protocol.Gs1;

/// <summary>Why GS1 element data was rejected.</summary>
public enum Gs1ErrorCode
{
    /// <summary>No data (or only an AIM identifier and separators).</summary>
    Empty,

    /// <summary>The AIM symbology identifier (]xy) is malformed or not a known symbology.</summary>
    UnknownSymbologyIdentifier,

    /// <summary>The AIM identifier names a symbology variant that does not carry GS1 data (e.g. ]d1, ]Q1, ]C0).</summary>
    NotGs1Symbology,

    /// <summary>The characters where an AI should start are not a known AI.</summary>
    UnknownAi,

    /// <summary>The data ends inside an AI.</summary>
    TruncatedAi,

    /// <summary>The value is shorter than the AI's format allows.</summary>
    ValueTooShort,

    /// <summary>The value is longer than the AI's format allows (for a variable-length AI: probably a missing GS).</summary>
    ValueTooLong,

    /// <summary>A character outside the AI's character set (numeric, CSET 82, CSET 39, CSET 64).</summary>
    InvalidCharacter,

    /// <summary>The GS1 mod-10 check digit is wrong (GTIN, SSCC, GLN, ...).</summary>
    InvalidCheckDigit,

    /// <summary>Not a real calendar date (or time) in a date field.</summary>
    InvalidDate,

    /// <summary>The value breaks another content rule of the AI (piece of total, winding, leading zero, ...).</summary>
    InvalidValue,

    /// <summary>A GS (FNC1) separator where none may stand: inside a fixed-length value or an empty element.</summary>
    UnexpectedSeparator,

    /// <summary>An AI that needs another AI with it (e.g. 21 needs 01) appears without it.</summary>
    MissingAssociation,

    /// <summary>Two AIs that must not appear together (e.g. 01 and 02).</summary>
    InvalidPairing,

    /// <summary>The same AI appears twice with different values.</summary>
    ConflictingDuplicate,

    /// <summary>Bracketed input "(01)...(21)..." is malformed.</summary>
    MalformedBracketedInput,

    /// <summary>A one-dimensional EAN/UPC read (]E0, ]E4) that is not a GTIN with a valid check digit.</summary>
    InvalidEanUpc,
}
