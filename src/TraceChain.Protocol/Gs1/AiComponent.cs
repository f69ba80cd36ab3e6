namespace TraceChain.Protocol.Gs1;

/// <summary>
/// One component of an AI data field, e.g. the "N13" and the optional "X..17" of AI 253.
/// </summary>
/// <param name="CharSet">Characters allowed in this component.</param>
/// <param name="MinLength">Fewest characters (equal to <paramref name="MaxLength"/> for a fixed-length component).</param>
/// <param name="MaxLength">Most characters.</param>
/// <param name="Optional">True when the component may be absent (it is then the last one present).</param>
/// <param name="Linter">Content rule for the component.</param>
public readonly record struct AiComponent(Gs1CharSet CharSet, int MinLength, int MaxLength, bool Optional, AiLinter Linter)
{
    /// <summary>True when the component always has exactly <see cref="MaxLength"/> characters.</summary>
    public bool IsFixedLength => MinLength == MaxLength;
}
