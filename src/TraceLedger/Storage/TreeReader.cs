using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Merkle;

namespace TraceLedger.Storage;

/// <summary>
/// Reads aligned perfect-subtree hashes: level 0 from entries.leaf_hash, higher levels from tree_nodes.
/// Commands are prepared once per reader; SQLite point reads are synchronous anyway.
/// </summary>
internal sealed class TreeReader : IDisposable
{
    private readonly SqliteCommand leaf;
    private readonly SqliteCommand node;

    public TreeReader(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        leaf = connection.CreateCommand();
        leaf.Transaction = transaction;
        leaf.CommandText = "SELECT leaf_hash FROM entries WHERE seq = $i;";
        leaf.Parameters.Add("$i", SqliteType.Integer);
        node = connection.CreateCommand();
        node.Transaction = transaction;
        node.CommandText = "SELECT hash FROM tree_nodes WHERE level = $l AND idx = $i;";
        node.Parameters.Add("$l", SqliteType.Integer);
        node.Parameters.Add("$i", SqliteType.Integer);
    }

    /// <summary>Hash of leaves [index * 2^level, (index + 1) * 2^level); throws naming the missing node.</summary>
    public byte[] PerfectSubtree(long index, int level)
    {
        SqliteCommand command;
        if (level == 0)
        {
            command = leaf;
            command.Parameters[0].Value = index;
        }
        else
        {
            command = node;
            command.Parameters[0].Value = level;
            command.Parameters[1].Value = index;
        }

        return command.ExecuteScalar() as byte[]
            ?? throw new InvalidOperationException($"The tree has no stored node at level {level}, index {index}.");
    }

    /// <summary>MTH of leaves [start, end), composed from stored perfect subtrees.</summary>
    public byte[] RangeHash(long start, long end) => MerkleProofs.RangeHash(start, end, PerfectSubtree);

    public void Dispose()
    {
        leaf.Dispose();
        node.Dispose();
    }
}
