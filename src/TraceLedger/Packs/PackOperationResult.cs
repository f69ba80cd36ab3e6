using TraceLedger.Log;

namespace TraceLedger.Packs;

/// <summary>The outcome of one signed hop sent as a pack operation (dispense, undo, ship, …).</summary>
/// <param name="Operation">What the hop asked for.</param>
/// <param name="Receipt">The log's receipt (sequence number when accepted).</param>
/// <param name="Refusal">The lifecycle's refusal with its code, when a pack rule refused the hop.</param>
/// <param name="Packs">The named packs' status after the hop.</param>
public sealed record PackOperationResult(PackOperation Operation, HopReceipt Receipt, PackRefusal? Refusal, IReadOnlyList<PackStatus> Packs);
