namespace TraceChain.Protocol.DigitalLink;

/// <summary>Why a GS1 Digital Link URI was refused.</summary>
public enum DigitalLinkErrorKind
{
    /// <summary>Empty input.</summary>
    Empty,

    /// <summary>A character that may not appear in a URI (space, control character, non-ASCII, GS).</summary>
    IllegalCharacter,

    /// <summary>The scheme is not <c>http</c> or <c>https</c> (in lower case, or all capitals as GS1 allows).</summary>
    UnsupportedScheme,

    /// <summary>The host is missing or holds characters a domain name cannot have.</summary>
    InvalidHost,

    /// <summary>The path holds no <c>/{primary key AI}/{value}</c> pair.</summary>
    NoPrimaryKey,

    /// <summary>The path after the primary key is not a sequence of <c>/{AI}/{value}</c> pairs (trailing slash, odd segment).</summary>
    MalformedPath,

    /// <summary>A path AI that is not a key qualifier of the primary key.</summary>
    NotAKeyQualifier,

    /// <summary>Key qualifiers in the wrong order (for GTIN: 22, then 10, then 21).</summary>
    QualifierOutOfOrder,

    /// <summary>The same AI twice, in the path, in the query, or in both.</summary>
    DuplicateAi,

    /// <summary>A numeric query parameter that is not a GS1 Application Identifier.</summary>
    UnknownAi,

    /// <summary>An AI in the query string that may not be a data attribute (a key qualifier such as 21 or 254).</summary>
    NotADataAttribute,

    /// <summary>A key qualifier of the primary key given in the query string instead of the path.</summary>
    BelongsInPath,

    /// <summary>A percent sign not followed by two hexadecimal digits, an encoded NUL, or invalid UTF-8.</summary>
    MalformedPercentEncoding,

    /// <summary>An AI without a value.</summary>
    EmptyValue,

    /// <summary>A value that fails the AI's format: length, character set, check digit, date.</summary>
    InvalidValue,

    /// <summary>The AIs together break a GS1 association rule (for example 17 without a GTIN).</summary>
    InvalidCombination,
}
