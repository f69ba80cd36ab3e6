namespace TraceChain.Protocol.Scanning;

/// <summary>How a line-mode scanner is configured.</summary>
/// <param name="Suffix">The terminator after each scan.</param>
/// <param name="MaxLineLength">Longest accepted scan in bytes; longer input is dropped up to the next suffix.</param>
/// <param name="DetectAimPrefix">Split a leading AIM symbology identifier ("]" letter char) off the data.</param>
public sealed record LineDecoderOptions(LineSuffix Suffix = LineSuffix.Cr, int MaxLineLength = 4096, bool DetectAimPrefix = true)
{
    /// <summary>Defaults: CR suffix, 4096-byte lines, AIM prefix detected.</summary>
    public static LineDecoderOptions Default { get; } = new();
}
