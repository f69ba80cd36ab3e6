namespace TraceLedger.Packs;

/// <summary>A recorded recall: its log entry and how many batches it covers.</summary>
public sealed record RecallResult(long Seq, int Batches);
