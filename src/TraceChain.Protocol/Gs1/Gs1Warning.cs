namespace TraceChain.Protocol.Gs1;

/// <summary>A tolerated deviation found while parsing.</summary>
/// <param name="Code">The kind of deviation.</param>
/// <param name="Ai">The AI concerned, if any.</param>
/// <param name="Position">Zero-based position in the input.</param>
/// <param name="Detail">What was seen, in words.</param>
public sealed record Gs1Warning(Gs1WarningCode Code, string? Ai, int Position, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Detail} (at position {Position})";
}
