namespace TraceLedger.Log;

/// <summary>
/// The ledger's answer for one hop of a batch. Accepted: <see cref="Seq"/> and <see cref="LeafHash"/> are set and
/// the entry is durable. <see cref="Duplicate"/> marks a hop that was already in the log (same receipt as the first
/// time). Refused: <see cref="Reason"/> and <see cref="Message"/> say why.
/// </summary>
public sealed record HopReceipt(long? Seq, byte[]? LeafHash, bool Duplicate, RefusalReason? Reason, string? Message)
{
    /// <summary>True when the hop is in the log.</summary>
    public bool Accepted => Seq is not null;

    /// <summary>A receipt for a hop stored at <paramref name="seq"/>.</summary>
    public static HopReceipt Stored(long seq, byte[] leafHash, bool duplicate) => new(seq, leafHash, duplicate, null, null);

    /// <summary>A refusal naming the reason.</summary>
    public static HopReceipt Refused(RefusalReason reason, string message) => new(null, null, false, reason, message);
}
