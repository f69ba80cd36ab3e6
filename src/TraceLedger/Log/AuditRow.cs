using TraceChain.Protocol.Signing;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>One stored entry as verify-log reads it, with what the first pass worked out.</summary>
internal sealed class AuditRow(long seq, EntryKind kind, byte[] entryBytes, byte[] leafHash, byte[] contentHash, string? deviceId, long? counter)
{
    public long Seq { get; } = seq;

    public EntryKind Kind { get; } = kind;

    public byte[] EntryBytes { get; } = entryBytes;

    public byte[] StoredLeafHash { get; } = leafHash;

    public byte[] ContentHash { get; } = contentHash;

    public string? DeviceId { get; } = deviceId;

    public long? Counter { get; } = counter;

    public byte[] LeafHash { get; set; } = [];

    public SignedHop? Hop { get; set; }

    public DeviceKeyState? Key { get; set; }

    public bool SignatureValid { get; set; }
}
