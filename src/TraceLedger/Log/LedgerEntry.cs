using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>One stored log entry: its leaf data exactly as hashed, and what the ledger indexed about it.</summary>
public sealed record LedgerEntry(long Seq, EntryKind Kind, byte[] EntryBytes, byte[] LeafHash, string? DeviceId, long? Counter, DateTimeOffset ReceivedAt);
