using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Diagnosis;

/// <summary>One diagnosis of a scan: what is probably wrong, how to fix the scanner, and the repaired reading.</summary>
/// <param name="Code">What is probably wrong.</param>
/// <param name="Message">What was seen, in words.</param>
/// <param name="Fix">How to fix the scanner or the setup.</param>
/// <param name="Confidence">How likely this is the cause, 0..1; findings are ordered by it, highest first.</param>
/// <param name="RepairedInput">The scan as it should have arrived, when a repair was found.</param>
/// <param name="Repaired">The successful parse of <paramref name="RepairedInput"/>, when a repair was found.</param>
public sealed record ScanFinding(
    ScanFindingCode Code, string Message, string Fix, double Confidence, string? RepairedInput, Gs1ParseResult? Repaired)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Confidence:0.00}): {Message} Fix: {Fix}";
}
