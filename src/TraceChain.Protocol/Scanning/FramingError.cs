namespace TraceChain.Protocol.Scanning;

/// <summary>A problem found by a decoder; decoding goes on after it.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="ByteCount">How many input bytes the problem covers (dropped or rejected).</param>
/// <param name="Message">A readable description naming the problem.</param>
public sealed record FramingError(FramingErrorKind Kind, int ByteCount, string Message);
