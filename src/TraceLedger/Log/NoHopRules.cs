namespace TraceLedger.Log;

/// <summary>The default: every verified hop is accepted.</summary>
public sealed class NoHopRules : IHopRule
{
    public string? Evaluate(HopRuleContext context, VerifiedHop hop) => null;

    public void Committed(IReadOnlyList<VerifiedHop> stored)
    {
    }
}
