namespace ScannerAgent.Uplink;

/// <summary>The body of a <c>POST /v1/hops</c> answer.</summary>
/// <param name="Receipts">One receipt per hop, in request order.</param>
/// <param name="TreeSize">Log size after the batch.</param>
/// <param name="Checkpoint">Signed checkpoint note covering it.</param>
public sealed record UplinkResponse(IReadOnlyList<UplinkReceipt>? Receipts, long TreeSize, string? Checkpoint);
