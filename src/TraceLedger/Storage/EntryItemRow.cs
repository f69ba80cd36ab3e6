namespace TraceLedger.Storage;

/// <summary>
/// Links an entry to one item it names (a hop may name several packs), with the previous entry about that
/// item: walking <see cref="PrevSeq"/> backwards from <see cref="ItemHeadRow.HeadSeq"/> gives the item's history.
/// </summary>
public sealed class EntryItemRow
{
    public string ItemKey { get; set; } = "";

    public long Seq { get; set; }

    public long? PrevSeq { get; set; }
}
