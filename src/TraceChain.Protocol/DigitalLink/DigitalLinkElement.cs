namespace TraceChain.Protocol.DigitalLink;

/// <summary>One GS1 Application Identifier and its (decoded) value as carried in a Digital Link URI.</summary>
/// <param name="Ai">The numeric AI, e.g. "01" or "3103".</param>
/// <param name="Value">The value, percent-decoded, e.g. "09506000134352".</param>
public sealed record DigitalLinkElement(string Ai, string Value)
{
    /// <summary>The element in the human-readable form "(AI)value".</summary>
    public override string ToString() => $"({Ai}){Value}";
}
