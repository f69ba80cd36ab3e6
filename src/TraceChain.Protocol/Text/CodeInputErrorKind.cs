namespace TraceChain.Protocol.Text;

/// <summary>Why a typed or scanned numeric code (China drug code, scratch-off code) was refused.</summary>
public enum CodeInputErrorKind
{
    /// <summary>Nothing left after removing whitespace and separators.</summary>
    Empty,

    /// <summary>A character that is neither a digit nor an accepted separator.</summary>
    NotADigit,

    /// <summary>The right characters, but too few or too many of them.</summary>
    WrongLength,

    /// <summary>The check digit does not match the rest: almost always a typo.</summary>
    CheckDigitMismatch,
}
