using System.Security.Cryptography;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Signing;

namespace TraceChain.Protocol.Proofs;

/// <summary>
/// The offline check a client runs on a <see cref="ProofBundle"/>: the checkpoint is signed by the trusted log
/// key, the entry's leaf hash is included under the checkpoint's root, and (optionally) the entry is a hop
/// signed by the given device key.
/// </summary>
public static class ProofBundleVerifier
{
    /// <summary>
    /// Checks that <paramref name="newerCheckpoint"/> extends <paramref name="olderCheckpoint"/> (both signed notes of
    /// the trusted log) with an RFC 9162 consistency proof: the log only appended, it did not fork or roll back.
    /// The result carries the newer checkpoint. Never throws on bad input.
    /// </summary>
    public static ProofBundleVerification VerifyConsistency(string olderCheckpoint, string newerCheckpoint, IReadOnlyList<byte[]> proof, NoteVerifier logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var older = OpenCheckpoint(olderCheckpoint, logKey, "older");
        if (!older.IsValid)
        {
            return older;
        }

        var newer = OpenCheckpoint(newerCheckpoint, logKey, "newer");
        if (!newer.IsValid)
        {
            return newer;
        }

        var (from, to) = (older.Checkpoint!, newer.Checkpoint!);
        if (from.TreeSize > to.TreeSize)
        {
            return new(false, $"newer checkpoint has {to.TreeSize} entries, fewer than the older one's {from.TreeSize} (rollback)", to);
        }

        return MerkleProofs.VerifyConsistency(from.TreeSize, to.TreeSize, proof ?? [], from.RootHash, to.RootHash)
            ? new(true, "verified", to)
            : new(false, $"consistency proof from size {from.TreeSize} to {to.TreeSize} does not verify (the log forked or the proof is wrong)", to);
    }

    /// <summary>Verifies <paramref name="bundle"/>; never throws on bad input, the result says what failed.</summary>
    /// <param name="bundle">The bundle to check.</param>
    /// <param name="logKey">The trusted log key; its name must equal the checkpoint origin.</param>
    /// <param name="devicePublicKey">When given, the entry must be a hop whose signature verifies with this key.</param>
    public static ProofBundleVerification Verify(ProofBundle bundle, NoteVerifier logKey, ECDsa? devicePublicKey = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(logKey);

        var opened = OpenCheckpoint(bundle.Checkpoint, logKey, null);
        if (opened.Checkpoint is not { } checkpoint || !opened.IsValid)
        {
            return opened;
        }

        if (bundle.LeafIndex < 0 || bundle.LeafIndex >= checkpoint.TreeSize)
        {
            return new(false, $"leaf index {bundle.LeafIndex} is outside the checkpoint's tree of size {checkpoint.TreeSize}", checkpoint);
        }

        var leaf = MerkleHash.Leaf(bundle.Entry ?? []);
        if (!MerkleProofs.VerifyInclusion(bundle.LeafIndex, checkpoint.TreeSize, leaf, bundle.InclusionProof ?? [], checkpoint.RootHash))
        {
            return new(false, $"inclusion proof does not lead from leaf {bundle.LeafIndex} to the root of tree size {checkpoint.TreeSize}", checkpoint);
        }

        SignedHop? hop = null;
        try
        {
            hop = SignedHop.Parse(bundle.Entry);
        }
        catch (FormatException e) when (devicePublicKey is not null)
        {
            return new(false, "entry is not a signed hop: " + e.Message, checkpoint);
        }
        catch (FormatException)
        {
            // Not a hop: inclusion of the bytes is still proven.
        }

        if (devicePublicKey is not null && !hop!.Verify(devicePublicKey))
        {
            return new(false, "hop signature does not verify with the device key", checkpoint, hop);
        }

        return new(true, "verified", checkpoint, hop);
    }

    /// <summary>Parses a signed checkpoint and checks its signature and origin; valid results carry the checkpoint.</summary>
    private static ProofBundleVerification OpenCheckpoint(string? signedNote, NoteVerifier logKey, string? which)
    {
        var label = which is null ? "checkpoint" : which + " checkpoint";
        SignedNote note;
        Checkpoint checkpoint;
        try
        {
            note = SignedNote.Parse(signedNote ?? string.Empty);
            checkpoint = Checkpoint.Parse(note.Text);
        }
        catch (FormatException e)
        {
            return new(false, $"{label} is malformed: " + e.Message);
        }

        if (!logKey.Verify(note, out var noteReason))
        {
            return new(false, $"{label} signature: " + noteReason);
        }

        return checkpoint.Origin == logKey.Name
            ? new(true, "verified", checkpoint)
            : new(false, $"{label} origin '{checkpoint.Origin}' is not the log '{logKey.Name}'");
    }
}
