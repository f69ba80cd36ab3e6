using TraceChain.Protocol.Signing;

namespace TraceLedger.Log;

/// <summary>A hop whose signature, device and counter checked out, with the place it takes in the log if accepted.</summary>
/// <param name="Signed">The hop as signed by the device.</param>
/// <param name="Seq">The sequence number (leaf index) it gets when stored.</param>
/// <param name="PartyGln">GLN of the party the signing device belongs to.</param>
public sealed record VerifiedHop(SignedHop Signed, long Seq, string PartyGln);
