namespace TraceLedger.Api;

/// <summary>The answer to POST /v1/hops: receipts in request order and the checkpoint that covers the accepted ones.</summary>
public sealed record HopBatchResponse(IReadOnlyList<ReceiptResponse> Receipts, long TreeSize, string Checkpoint);
