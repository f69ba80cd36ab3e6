namespace TraceChain.Protocol.Diagnosis;

/// <summary>What is probably wrong with the scanner setup (or the code) behind a scan.</summary>
public enum ScanFindingCode
{
    /// <summary>GS (FNC1) separators are dropped, so a variable-length field swallows the next AI.</summary>
    SeparatorsDropped,

    /// <summary>GS (FNC1) separators arrive as another character or text (e.g. '~', '&lt;GS&gt;').</summary>
    SeparatorSubstituted,

    /// <summary>The scanner types for a US keyboard but the computer uses AZERTY (digits arrive as &amp;é"'(-è_çà).</summary>
    KeyboardLayoutAzerty,

    /// <summary>The scanner types for a US keyboard but the computer uses QWERTZ (Y/Z swapped, ']' arrives as '+').</summary>
    KeyboardLayoutQwertz,

    /// <summary>Caps Lock is on: letters arrive with inverted case.</summary>
    CapsLock,

    /// <summary>The scanner converts all letters to upper or lower case.</summary>
    CaseConverted,

    /// <summary>A CR/LF (Enter) suffix, TAB or STX/ETX framing character was left in the data.</summary>
    LineEndingLeftIn,

    /// <summary>No AIM symbology identifier (or one without its ']').</summary>
    AimMissing,

    /// <summary>An AIM identifier for a non-GS1 symbology (]d1, ]Q1, ]C0) or an unknown prefix.</summary>
    AimUnexpected,

    /// <summary>No scanner fix explains the data: the code itself is invalid (damaged, misprinted or counterfeit).</summary>
    CodeInvalid,
}
