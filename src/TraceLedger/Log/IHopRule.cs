namespace TraceLedger.Log;

/// <summary>
/// A rule evaluated for each verified hop inside the append transaction, before commit (the extension point for
/// pack-lifecycle rules). Rules see the hops accepted earlier in the same batch through <paramref name="context"/>,
/// and may read the database on its transaction.
/// </summary>
public interface IHopRule
{
    /// <summary>Null to accept the hop, else the message of the refusal.</summary>
    string? Evaluate(HopRuleContext context, VerifiedHop hop);

    /// <summary>Called after the batch committed, still under the writer lock (so in log order), with the hops that were stored (e.g. to update caches).</summary>
    void Committed(IReadOnlyList<VerifiedHop> stored);
}
