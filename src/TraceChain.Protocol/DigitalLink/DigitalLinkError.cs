namespace TraceChain.Protocol.DigitalLink;

/// <summary>A refused GS1 Digital Link URI: the category, a message that names the problem, and the AI concerned.</summary>
/// <param name="Kind">The category of the problem.</param>
/// <param name="Message">A plain-language explanation that names the problem and, where possible, the fix.</param>
/// <param name="Ai">The Application Identifier concerned, when there is one.</param>
public sealed record DigitalLinkError(DigitalLinkErrorKind Kind, string Message, string? Ai = null);
