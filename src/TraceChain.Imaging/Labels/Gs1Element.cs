namespace TraceChain.Imaging.Labels;

/// <summary>One GS1 element: an application identifier (2-4 digits) and its value.</summary>
public sealed record Gs1Element(string Ai, string Value);
