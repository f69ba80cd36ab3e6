namespace TraceChain.Protocol.Gs1;

/// <summary>The character sets an AI data field may use (GS1 General Specifications, figure 7.11-1 to 7.11-3).</summary>
public enum Gs1CharSet
{
    /// <summary>Digits 0-9 only ("N" in the format).</summary>
    Numeric,

    /// <summary>GS1 AI encodable character set 82 ("X"): digits, upper and lower case letters and 20 symbols.</summary>
    Cset82,

    /// <summary>GS1 AI encodable character set 39 ("Y"): digits, upper case letters and # - /.</summary>
    Cset39,

    /// <summary>GS1 AI encodable character set 64 ("Z"): the file-safe base64 alphabet plus '=' padding.</summary>
    Cset64,
}
