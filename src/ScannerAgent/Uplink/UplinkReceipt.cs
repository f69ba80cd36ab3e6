namespace ScannerAgent.Uplink;

/// <summary>One receipt of <c>POST /v1/hops</c> (ledger and gateway contract).</summary>
/// <param name="Index">Position of the hop in the request.</param>
/// <param name="Status">accepted, duplicate or refused.</param>
/// <param name="Seq">Log sequence number of the accepted hop.</param>
/// <param name="LeafHash">Base64 Merkle leaf hash.</param>
/// <param name="Reason">snake_case refusal reason.</param>
/// <param name="Message">Explanation.</param>
public sealed record UplinkReceipt(int Index, string Status, long? Seq, string? LeafHash, string? Reason, string? Message)
{
    /// <summary>The ledger holds the hop (now or from an earlier upload of the same bytes).</summary>
    public bool IsAccepted => Status is "accepted" or "duplicate";
}
