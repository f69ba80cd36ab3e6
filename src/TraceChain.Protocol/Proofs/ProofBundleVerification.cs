using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Signing;

namespace TraceChain.Protocol.Proofs;

/// <summary>Outcome of <see cref="ProofBundleVerifier.Verify"/>.</summary>
/// <param name="IsValid">True when every check passed.</param>
/// <param name="Reason">"verified", or the first check that failed, in words.</param>
/// <param name="Checkpoint">The checkpoint, once its signature verified.</param>
/// <param name="Hop">The signed hop in the entry, when the entry is one.</param>
public sealed record ProofBundleVerification(bool IsValid, string Reason, Checkpoint? Checkpoint = null, SignedHop? Hop = null);
