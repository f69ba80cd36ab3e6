using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using TraceLedger.Log;
using TraceLedger.Storage;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Storage;

/// <summary>
/// SQLite's WAL checkpoints run beside the log's writer: pages are copied back by a background connection and the WAL
/// still starts over (it would grow to the writer's far larger bound if it did not), with every committed row kept.
/// </summary>
public sealed class WalCheckpointerTests
{
    private const int PageSize = 4096;

    [Fact]
    public async Task SteadyWrites_PagesAreCopiedBackInTheBackground_TheWalStartsOver_AndEveryRowIsKept()
    {
        await using var temp = await TempLedger.CreateAsync();
        var log = temp.Ledger.Log;
        var before = temp.Ledger.WriterStatistics.Wal ?? WalCheckpointCounts.None;

        // 3,000 pages in writes queued back to back (up to 8 waiting), so commits go on while passes copy; far below
        // the writer's own automatic checkpoint.
        const int Rows = 3_000;
        Assert.True(Rows < WalCheckpointer.WriterAutoCheckpointPages);
        using var inFlight = new SemaphoreSlim(8);
        var writes = new List<Task<int>>();
        for (var first = 0; first < Rows; first += 8)
        {
            await inFlight.WaitAsync();
            var from = first;
            var write = log.WriteAsync(batch => InsertPages(batch, from, 8), CancellationToken.None);
            _ = write.ContinueWith(_ => inFlight.Release(), TaskScheduler.Default);
            writes.Add(write);
        }

        Assert.Equal(Rows, (await Task.WhenAll(writes)).Sum());
        var walFile = temp.DatabasePath + "-wal";
        var startedOver = await CheckpointSequenceAsync(walFile);

        // Once a pass has copied everything, the next transaction starts the WAL over (a new header). Small writes
        // until it does; without the background passes nothing would copy these pages before the writer's own bound.
        var rows = Rows;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await CheckpointSequenceAsync(walFile) == startedOver)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the WAL never started over: {temp.Ledger.WriterStatistics}");
            await Task.Delay(50); // a pass runs within a few ms of a commit
            rows += await log.WriteAsync(batch => InsertPages(batch, rows, 1), CancellationToken.None);
        }

        var passes = temp.Ledger.WriterStatistics.Wal!.Since(before);
        Assert.True(passes.Passes > 0, "no background pass ran");
        Assert.Equal(0, passes.Failures);
        Assert.True(new FileInfo(temp.DatabasePath).Length > (long)Rows * PageSize, "the pages were not copied into the database file");

        await temp.ReopenAsync();
        await using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check; SELECT count(*) FROM api_keys WHERE owner = 'wal-test';";
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("ok", reader.GetString(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal(rows, reader.GetInt32(0));
    }

    /// <summary>
    /// The WAL header's checkpoint sequence number (big-endian at byte 12; sqlite.org/fileformat2.html#walformat):
    /// a writer that starts the WAL over writes a new header with it incremented. Read from the file, so looking does
    /// not checkpoint anything.
    /// </summary>
    private static async Task<uint> CheckpointSequenceAsync(string walFile)
    {
        await using var file = new FileStream(walFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[16];
        await file.ReadExactlyAsync(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }

    /// <summary>Inserts <paramref name="count"/> rows of about a page each.</summary>
    private static int InsertPages(WriteBatch batch, int first, int count)
    {
        using var command = batch.Connection.CreateCommand();
        command.Transaction = batch.Transaction;
        command.CommandText = "INSERT INTO api_keys (key_id, secret_hash, owner, revoked, created_at_ms) VALUES ($id, $filler, 'wal-test', 0, 0);";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var filler = command.Parameters.Add("$filler", SqliteType.Blob);
        for (var i = 0; i < count; i++)
        {
            id.Value = $"tlk_wal{first + i}";
            filler.Value = RandomNumberGenerator.GetBytes(PageSize - 200);
            command.ExecuteNonQuery();
        }

        return count;
    }
}
