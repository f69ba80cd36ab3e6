namespace TraceLedger.Packs.Storage;

/// <summary>A batch (lot) of a product, with its expiry and batch-level status (recall, withdrawal).</summary>
public sealed class BatchRow
{
    public long Id { get; set; }

    public string Gtin { get; set; } = "";

    public string Lot { get; set; } = "";

    /// <summary>Expiry as printed (GS1 AI 17, YYMMDD, day may be 00).</summary>
    public string Expiry { get; set; } = "";

    /// <summary>Last day the batch may be used (day 00 resolved to the month's last day), as yyyymmdd.</summary>
    public int ExpiresOn { get; set; }

    public long CommissionedSeq { get; set; }

    public long CommissionedAtMs { get; set; }

    public long? RecalledAtMs { get; set; }

    public long? WithdrawnAtMs { get; set; }

    public string? RecallReason { get; set; }
}
