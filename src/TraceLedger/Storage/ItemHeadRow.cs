namespace TraceLedger.Storage;

/// <summary>The newest entry about one item: the head of its per-item chain.</summary>
public sealed class ItemHeadRow
{
    public string ItemKey { get; set; } = "";

    public long HeadSeq { get; set; }

    public long EntryCount { get; set; }
}
