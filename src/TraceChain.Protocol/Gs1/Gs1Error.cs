namespace TraceChain.Protocol.Gs1;

/// <summary>
/// A structured parse or validation error: what is wrong, which AI, and where (zero-based character position in
/// the input as given, including any AIM identifier).
/// </summary>
/// <param name="Code">The kind of error.</param>
/// <param name="Ai">The AI concerned, or null when the error is not about one AI.</param>
/// <param name="Position">Zero-based position in the input where the problem starts.</param>
/// <param name="Detail">What is wrong, in words.</param>
public sealed record Gs1Error(Gs1ErrorCode Code, string? Ai, int Position, string Detail)
{
    /// <summary>A one-line message naming the problem, the AI and the position.</summary>
    public string Message => Ai is null
        ? $"{Code}: {Detail} (at position {Position})"
        : $"{Code}: AI ({Ai}) {Detail} (at position {Position})";

    /// <summary>The same error moved by <paramref name="offset"/> characters (for errors found inside a value).</summary>
    public Gs1Error ShiftedBy(int offset) => this with { Position = Position + offset };

    /// <inheritdoc />
    public override string ToString() => Message;
}
