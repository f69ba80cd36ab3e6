using Microsoft.Data.Sqlite;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// One write transaction of the log: entries appended through it get consecutive sequence numbers, their tree
/// nodes and item links are written in the same transaction, and nothing is visible until the commit.
/// </summary>
internal sealed class WriteBatch(SqliteConnection connection, SqliteTransaction transaction, EntryWriter writer, TreeFrontier frontier, long receivedAtMs)
{
    private readonly List<TreeNode> completed = [];
    private readonly Dictionary<string, long?> heads = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public EntryWriter Writer { get; } = writer;

    public TreeFrontier Frontier { get; } = frontier;

    public long ReceivedAtMs { get; } = receivedAtMs;

    /// <summary>Sequence number the next appended entry gets.</summary>
    public long NextSeq => Frontier.Size;

    /// <summary>Number of entries appended in this batch.</summary>
    public int Appended { get; private set; }

    /// <summary>Work to do once the transaction has committed (cache updates), in order.</summary>
    public List<Action> AfterCommit { get; } = [];

    /// <summary>Reads the chain heads of items the batch is about to touch in one go instead of one query per entry.</summary>
    public void PrefetchItemHeads(IEnumerable<string> items)
    {
        foreach (var (item, head) in Writer.ItemHeads(items))
        {
            heads[item] = head;
        }
    }

    /// <summary>Appends one entry and returns its sequence number.</summary>
    public long Append(EntryKind kind, byte[] entryBytes, byte[] leafHash, byte[] contentHash, string? deviceId, long? counter, IEnumerable<string> items)
    {
        var seq = Frontier.Size;
        Writer.InsertEntry(new EntryRow
        {
            Seq = seq,
            Kind = kind,
            LeafHash = leafHash,
            EntryBytes = entryBytes,
            ContentHash = contentHash,
            DeviceId = deviceId,
            Counter = counter,
            ReceivedAtMs = ReceivedAtMs,
        });
        foreach (var item in items)
        {
            if (!heads.TryGetValue(item, out var previous))
            {
                previous = Writer.ItemHead(item);
            }

            Writer.LinkItem(item, seq, previous);
            heads[item] = seq;
        }

        completed.Clear();
        Frontier.Append(leafHash, completed);
        foreach (var node in completed)
        {
            Writer.InsertNode(node.Level, node.Index, node.Hash);
        }

        Appended++;
        return seq;
    }
}
