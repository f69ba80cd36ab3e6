namespace TraceLedger.Log;

/// <summary>What verify-log found. <see cref="FirstTamperedSeq"/> names the first entry whose data, signature or tree position is wrong.</summary>
public sealed record LogAuditResult(long EntriesChecked, long CheckpointsChecked, long? FirstTamperedSeq, IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing was wrong.</summary>
    public bool Clean => Problems.Count == 0;

    /// <summary>One line for people.</summary>
    public string Summary => Clean
        ? $"log clean: {EntriesChecked} entries, {CheckpointsChecked} checkpoints verified"
        : (FirstTamperedSeq is { } seq ? $"first tampered entry: seq {seq}; " : "") + $"{Problems.Count} problem(s): {Problems[0]}";
}
