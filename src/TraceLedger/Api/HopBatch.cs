using TraceChain.Protocol.Signing;

namespace TraceLedger.Api;

/// <summary>A parsed POST /v1/hops body: the hops that parsed (with their request index) and the problems of those that did not.</summary>
public sealed record HopBatch(IReadOnlyList<(int Index, SignedHop Hop)> Hops, IReadOnlyList<(int Index, string Problem)> Malformed)
{
    /// <summary>Number of items in the request.</summary>
    public int Count => Hops.Count + Malformed.Count;
}
