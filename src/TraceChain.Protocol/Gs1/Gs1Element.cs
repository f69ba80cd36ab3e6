namespace TraceChain.Protocol.Gs1;

/// <summary>One element string: an AI and its value, with where it started in the input.</summary>
/// <param name="Definition">The AI's definition.</param>
/// <param name="Value">The value (without the AI).</param>
/// <param name="Position">Zero-based position of the AI in the input.</param>
public readonly record struct Gs1Element(ApplicationIdentifier Definition, string Value, int Position)
{
    /// <summary>The AI digits, e.g. "01".</summary>
    public string Ai => Definition.Ai;

    /// <summary>The bracketed form, e.g. "(01)09506000134352".</summary>
    public override string ToString() => $"({Definition.Ai}){Value}";
}
