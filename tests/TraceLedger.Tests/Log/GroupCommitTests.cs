using Microsoft.Data.Sqlite;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Log;

/// <summary>
/// Group commit in the log writer: concurrent grouped writes share one transaction, every one of them is kept, a
/// failing one rolls back only itself, and nobody is answered before the commit.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ConcurrentVerifications_SharingCommits_KeepEveryRecord()
    {
        await using var world = await PackWorld.CreateAsync();
        var packs = (await world.CommissionAsync(20)).Packs.Select(p => p.Identifier).ToList();
        const int PerPack = 15;
        var before = world.Packs.Ledger.WriterStatistics;

        var verdicts = await WhileWriterHeldAsync<Verdict>(world.Packs.Ledger.Log, () =>
            [.. packs.SelectMany(id => Enumerable.Range(0, PerPack).Select(_ => world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PackWorld.PharmacyA), None)))]);

        // Every verification was recorded once: each pack's answers count 1..PerPack, and the table agrees.
        foreach (var group in verdicts.GroupBy(v => v.Identifier))
        {
            Assert.Equal(Enumerable.Range(1, PerPack).ToArray(), group.Select(v => v.VerificationCount).Order().ToArray());
        }

        foreach (var id in packs)
        {
            Assert.Equal(PerPack, world.Packs.Verdicts.Lookup(new VerdictRequest(id)).VerificationCount);
        }

        var used = world.Packs.Ledger.WriterStatistics.Since(before);
        Assert.Equal(packs.Count * PerPack + 1, used.Writes); // + the write that held the writer
        Assert.Equal(used.Writes, used.AnswerTimes!.Total); // every answer timed
        Assert.True(used.Commits <= 1 + ((packs.Count * PerPack) + LogWriter.MaxGroup - 1) / LogWriter.MaxGroup, $"{used.Commits} commits for {used.Writes} writes");
    }

    [Fact]
    public async Task GroupedWrite_ThatFails_RollsBackOnlyItsOwnChanges()
    {
        await using var temp = await TempLedger.CreateAsync();
        var log = temp.Ledger.Log;
        Task<int>[] writes = [];
        await WhileWriterHeldAsync<int>(log, () =>
        {
            writes = [.. Enumerable.Range(0, 9).Select(i => log.WriteGroupedAsync(batch => InsertKey(batch, $"tlk_g{i}", fail: i % 3 == 1), AnswerPoint.Durable, None))];
            return [];
        });

        for (var i = 0; i < writes.Length; i++)
        {
            if (i % 3 == 1)
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[i]);
                Assert.Equal($"body tlk_g{i} failed", error.Message);
            }
            else
            {
                Assert.Equal(1, await writes[i]);
            }
        }

        Assert.Equal(["tlk_g0", "tlk_g2", "tlk_g3", "tlk_g5", "tlk_g6", "tlk_g8"], await KeyIdsAsync(temp.DatabasePath));
    }

    [Fact]
    public async Task ExclusiveWrite_QueuedBetweenGroupedOnes_RunsAloneInQueueOrder()
    {
        await using var temp = await TempLedger.CreateAsync();
        var log = temp.Ledger.Log;
        var order = new List<string>();
        var before = temp.Ledger.WriterStatistics;
        await WhileWriterHeldAsync<int>(log, () =>
        {
            _ = log.WriteGroupedAsync(batch => Record(order, "g1"), AnswerPoint.Durable, None);
            _ = log.WriteGroupedAsync(batch => Record(order, "g2"), AnswerPoint.Durable, None);
            _ = log.WriteAsync(batch => Record(order, "x"), None);
            return [log.WriteGroupedAsync(batch => Record(order, "g3"), AnswerPoint.Durable, None)];
        });

        Assert.Equal(["g1", "g2", "x", "g3"], order);
        var used = temp.Ledger.WriterStatistics.Since(before);
        Assert.Equal(5, used.Writes);
        Assert.Equal(4, used.Commits); // holder, {g1, g2}, x, g3
    }

    [Fact]
    public async Task QueuedWrite_CancelledBeforeItRuns_NeverRuns()
    {
        await using var temp = await TempLedger.CreateAsync();
        var log = temp.Ledger.Log;
        using var cancel = new CancellationTokenSource();
        Task<int>? cancelled = null;
        await WhileWriterHeldAsync<int>(log, () =>
        {
            cancelled = log.WriteGroupedAsync(batch => InsertKey(batch, "tlk_cancelled", fail: false), AnswerPoint.Durable, cancel.Token);
            cancel.Cancel();
            return [log.WriteGroupedAsync(batch => InsertKey(batch, "tlk_kept", fail: false), AnswerPoint.Durable, None)];
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled!);
        Assert.Equal(["tlk_kept"], await KeyIdsAsync(temp.DatabasePath));
    }

    [Fact]
    public async Task Writes_RunOnTheWritersOwnThread_NotAThreadPoolThread()
    {
        // Its SQLite calls block: on a pool thread they would take one of the few threads the requests need.
        await using var temp = await TempLedger.CreateAsync();
        var threads = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            temp.Ledger.Log.WriteGroupedAsync(_ => (Thread.CurrentThread.ManagedThreadId, Thread.CurrentThread.IsThreadPoolThread), AnswerPoint.Committed, None)));
        Assert.All(threads, t => Assert.False(t.IsThreadPoolThread));
        Assert.Single(threads.Select(t => t.ManagedThreadId).Distinct());
    }

    [Fact]
    public async Task GroupedWrites_ArrivingOneByOne_ShareCommits_AtMostOneNewGroupPerWindow()
    {
        // 20 writes 500 us apart, each queued while the writer is idle: without the window each got a commit of its
        // own (a commit takes less than 500 us). A group that waited starts at least GroupWindow after the one
        // before; one that did not wait had FullEnough writes ready. Whatever the machine's speed, that bounds the
        // commits by the time taken.
        await using var temp = await TempLedger.CreateAsync();
        var log = temp.Ledger.Log;
        await log.WriteGroupedAsync(batch => InsertKey(batch, "tlk_warm", fail: false), AnswerPoint.Durable, None); // compiled and warm
        var before = temp.Ledger.WriterStatistics;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var writes = new List<Task<int>>();
        for (var i = 0; i < 20; i++)
        {
            PreciseSleep.Until(started + (i * System.Diagnostics.Stopwatch.Frequency / 2_000));
            var id = $"tlk_g{i:D2}";
            writes.Add(log.WriteGroupedAsync(batch => InsertKey(batch, id, fail: false), AnswerPoint.Durable, None));
        }

        await Task.WhenAll(writes);
        var windows = System.Diagnostics.Stopwatch.GetElapsedTime(started) / LogWriter.GroupWindow;
        var used = temp.Ledger.WriterStatistics.Since(before);

        Assert.Equal(20, used.Writes);
        Assert.True(used.Commits <= Math.Floor(windows) + 1 + (20 / LogWriter.FullEnough), $"{used.Commits} commits in {windows:0.0} windows");
        Assert.Equal(20, (await KeyIdsAsync(temp.DatabasePath)).Count);
    }

    /// <summary>
    /// Holds the writer with a blocking write, queues what <paramref name="queue"/> starts, then lets the writer go,
    /// so the queued writes are certainly waiting together (no timing assumption).
    /// </summary>
    private static async Task<T[]> WhileWriterHeldAsync<T>(LogWriter log, Func<Task<T>[]> queue)
    {
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = log.WriteAsync(
            _ =>
            {
                running.Set();
                return release.Wait(TimeSpan.FromSeconds(30)) ? 0 : throw new TimeoutException("the test never released the writer");
            },
            None);
        Assert.True(running.Wait(TimeSpan.FromSeconds(30)), "the writer never started the holding write");
        var queued = queue();
        release.Set();
        await holder;
        return await Task.WhenAll(queued);
    }

    private static int InsertKey(WriteBatch batch, string keyId, bool fail)
    {
        using var command = batch.Connection.CreateCommand();
        command.Transaction = batch.Transaction;
        command.CommandText = "INSERT INTO api_keys (key_id, secret_hash, owner, revoked, created_at_ms) VALUES ($id, x'00', 'test', 0, 0);";
        command.Parameters.AddWithValue("$id", keyId);
        command.ExecuteNonQuery();
        return fail ? throw new InvalidOperationException($"body {keyId} failed") : 1;
    }

    private static int Record(List<string> order, string name)
    {
        order.Add(name);
        return 0;
    }

    private static async Task<List<string>> KeyIdsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_id FROM api_keys WHERE key_id LIKE 'tlk_g%' OR key_id IN ('tlk_cancelled', 'tlk_kept') ORDER BY key_id;";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
