using Microsoft.Data.Sqlite;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Storage;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Log;

/// <summary>
/// The writer commits without syncing and goes on; the WAL sync runs on its own thread. Nothing that rests on a commit
/// leaves the ledger before that commit's sync has ended: the caller's answer, the signed checkpoint, the feed that
/// drives notifications; verifications alone are answered at commit (their sync follows shortly, unasked).
/// Here the sync thread is held after a sync, so commits are visible in the file but not synced.
/// </summary>
public sealed class PipelinedDurabilityTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // For the tests that open a ledger with options of their own; one per test.
    private readonly string directory = Directory.CreateTempSubdirectory("ledger-sync-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Write_IsAnswered_AndItsCheckpointPublished_OnlyAfterTheSyncThatFollowsItsCommit()
    {
        await using var temp = await TempLedger.CreateAsync();
        var log = temp.Ledger.Log;
        var published = temp.Ledger.Checkpoint;
        using var held = HoldSyncThread(log);

        var registration = temp.Ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(7), "Late Pharmacy", PartyRole.Pharmacy, 30, 120), None);
        var durable = temp.Ledger.WhenDurableAsync(None);
        await WaitUntilAsync(() => EntriesInFile(temp.DatabasePath) > published.TreeSize); // committed: another connection reads it

        Assert.False(registration.IsCompleted, "answered before the WAL was synced");
        Assert.False(durable.IsCompleted);
        Assert.Equal(published, temp.Ledger.Checkpoint);
        await Assert.ThrowsAsync<LedgerRangeException>(() => temp.Ledger.InclusionProofAsync(published.TreeSize, published.TreeSize + 1, None));

        held.Release();
        var seq = await registration.WaitAsync(Patience);
        await durable.WaitAsync(Patience);
        Assert.Equal(published.TreeSize, seq);
        Assert.Equal(published.TreeSize + 1, temp.Ledger.Checkpoint.TreeSize);
    }

    [Fact]
    public async Task WriterGoesOn_WhileTheSyncThreadIsBusy_AndAnswersComeInCommitOrder()
    {
        await using var temp = await TempLedger.CreateAsync();
        var before = temp.Ledger.WriterStatistics;
        Task<long>[] registrations;
        using (var held = HoldSyncThread(temp.Ledger.Log))
        {
            // One at a time: each is committed (the writer is not waiting for the held sync) before the next is sent.
            registrations = new Task<long>[5];
            for (var i = 0; i < registrations.Length; i++)
            {
                var commits = temp.Ledger.WriterStatistics.Commits;
                registrations[i] = temp.Ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(20 + i), $"Pharmacy {i}", PartyRole.Pharmacy, 30, 120), None);
                await WaitUntilAsync(() => temp.Ledger.WriterStatistics.Commits > commits);
            }

            Assert.All(registrations, r => Assert.False(r.IsCompleted));
            held.Release();
        }

        var sequences = new List<long>();
        foreach (var registration in registrations)
        {
            sequences.Add(await registration.WaitAsync(Patience));
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => sequences[0] + i), sequences);
        Assert.Equal(5, temp.Ledger.WriterStatistics.Since(before).Commits);
    }

    [Fact]
    public async Task Verifications_AreAnsweredAtCommit_WhileTheSyncIsHeld_ButADurableWriteAfterThemWaits()
    {
        await using var world = await PackWorld.CreateAsync();
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        var ledger = world.Packs.Ledger;
        using var held = HoldSyncThread(ledger.Log);

        var counts = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            counts.Add((await world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyA), None).WaitAsync(Patience)).VerificationCount);
        }

        var registration = ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(30), "Durable Pharmacy", PartyRole.Pharmacy, 30, 120), None);
        var durable = ledger.WhenDurableAsync(None);
        await WaitUntilAsync(() => EntriesInFile(ledger.DatabasePath) > world.Packs.Ledger.Checkpoint.TreeSize);

        Assert.Equal([1, 2, 3, 4, 5], counts);
        Assert.Equal(5L, Count(ledger.DatabasePath, $"SELECT verification_count FROM packs WHERE identifier = '{id}';")); // committed
        Assert.False(registration.IsCompleted, "a durable write was answered before the WAL was synced");
        Assert.False(durable.IsCompleted);

        held.Release();
        await registration.WaitAsync(Patience);
        await durable.WaitAsync(Patience);
    }

    [Fact]
    public async Task FailedSync_AfterVerificationsAnsweredAtCommit_StillStopsTheLedgersWrites()
    {
        var diskFails = false;
        await using var world = await PackWorld.CreateAsync(ledger: o => o with { WalSync = () => Volatile.Read(ref diskFails) ? new IOException("fdatasync: input/output error") : null });
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        var ledger = world.Packs.Ledger;
        Volatile.Write(ref diskFails, true);

        // Answered at commit; its sync comes on its own, shortly after, and fails.
        var verdict = await world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyA), None).WaitAsync(Patience);
        Assert.Equal(1, verdict.VerificationCount);
        await WaitUntilAsync(() => ledger.WriteFault is not null);

        Assert.Contains("could not be made durable (fdatasync: input/output error)", ledger.WriteFault!.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyA), None));
        Assert.Contains("refuses writes until it is reopened", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVerification_AfterARecallNotYetSynced_WaitsForTheRecallsSync()
    {
        // Its verdict ("recalled") rests on the recall: answered before the recall is durable, a power loss could take
        // the recall back after the pharmacy was told.
        await using var world = await PackWorld.CreateAsync();
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        var ledger = world.Packs.Ledger;
        using var held = HoldSyncThread(ledger.Log);

        var recall = world.Packs.Commissioning.RecallAsync(new RecallRequest(Manufacturer, Gtin, "L1", "contamination"), None);
        await WaitUntilAsync(() => RecallsInFile(ledger.DatabasePath) == 1);
        var verification = world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyA), None);
        await WaitUntilAsync(() => Count(ledger.DatabasePath, $"SELECT verification_count FROM packs WHERE identifier = '{id}';") == 1);

        Assert.False(verification.IsCompleted, "a verification was answered on a recall that was not yet durable");
        held.Release();
        Assert.Equal(VerdictCode.Recalled, (await verification.WaitAsync(Patience)).Code);
        await recall.WaitAsync(Patience);

        // Once the recall is synced, verifications are answered at commit again.
        using var heldAgain = HoldSyncThread(ledger.Log);
        Assert.Equal(2, (await world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyA), None).WaitAsync(Patience)).VerificationCount);
    }

    [Fact]
    public async Task OnlyCommitsAnsweredAtCommit_PutTheirSyncOff_ADurableWriteIsSyncedAtOnce_AndCoversThem()
    {
        var syncs = 0;
        await using var world = await PackWorld.CreateAsync(ledger: o => o with
        {
            CommittedSyncDelay = WalSyncer.MaxDelay,
            WalSync = () =>
            {
                Interlocked.Increment(ref syncs);
                return null;
            },
        });
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        var ledger = world.Packs.Ledger;
        await ledger.WhenDurableAsync(None);
        var before = Volatile.Read(ref syncs);

        await world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyA), None).WaitAsync(Patience);
        await Task.Delay(200); // a sync not put off would have run by now
        Assert.Equal(before, Volatile.Read(ref syncs));

        // The registration is answered only after a sync, which is not put off; it makes the verification durable too.
        await ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(31), "Prompt Pharmacy", PartyRole.Pharmacy, 30, 120), None).WaitAsync(Patience);
        Assert.True(Volatile.Read(ref syncs) > before, "the registration was answered without a sync");
    }

    [Fact]
    public async Task AWriteAnsweredAtCommit_ThatReadWhileAnEarlierSyncFailed_IsNotAnsweredAsDone()
    {
        // The grouped write starts before the earlier commit's sync fails, and commits after: what it read may rest on
        // that commit, which may not be on disk, so it gets the failure instead of an answer.
        var armed = false;
        using var bodyRunning = new ManualResetEventSlim();
        var options = TempLedger.Options(directory) with
        {
            WalSync = () => Volatile.Read(ref armed) && bodyRunning.Wait(Patience) ? new IOException("fdatasync: input/output error") : null,
        };
        await using var ledger = await Ledger.OpenAsync(options, None);
        Volatile.Write(ref armed, true);
        var durable = ledger.Log.WriteAsync(_ => 0, None);
        var grouped = ledger.Log.WriteGroupedAsync(
            _ =>
            {
                bodyRunning.Set();
                var deadline = DateTime.UtcNow + Patience;
                while (ledger.WriteFault is null && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(1); // the writer's thread, waiting for the sync thread to record the failure
                }

                return 0;
            },
            AnswerPoint.Committed,
            None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => durable.WaitAsync(Patience));
        var lost = await Assert.ThrowsAsync<InvalidOperationException>(() => grouped.WaitAsync(Patience));
        Assert.Contains("could not be made durable", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommittedSyncDelayBeyondTheLongest_IsRefusedAtOpen()
    {
        var options = TempLedger.Options(directory) with { CommittedSyncDelay = WalSyncer.MaxDelay + TimeSpan.FromTicks(1) };
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.OpenAsync(options, None));
    }

    [Fact]
    public async Task NotificationFeed_HandsOutARecall_OnlyOnceItIsDurable()
    {
        await using var world = await PackWorld.CreateAsync();
        await world.CommissionAsync(2);
        var feed = new NotificationFeed(world.Packs);
        using var held = HoldSyncThread(world.Packs.Ledger.Log);

        var recall = world.Packs.Commissioning.RecallAsync(new RecallRequest(Manufacturer, Gtin, "L1", "contamination"), None);
        await WaitUntilAsync(() => RecallsInFile(world.Packs.Ledger.DatabasePath) == 1);
        var page = feed.RecallsAfterAsync(-1, 10, None);
        var alerts = feed.LastAlertIdAsync(None);
        await Task.Delay(200); // a feed that does not wait would have answered by now
        Assert.False(page.IsCompleted, "the feed handed out a recall that was not yet synced");
        Assert.False(alerts.IsCompleted);

        held.Release();
        Assert.Single((await page.WaitAsync(Patience)).Notices);
        await alerts.WaitAsync(Patience);
        await recall.WaitAsync(Patience);
    }

    [Fact]
    public async Task AnActionAfterTheSyncThatThrows_DoesNotStopTheSyncThread()
    {
        await using var temp = await TempLedger.CreateAsync();
        temp.Ledger.Log.Syncer.AfterSync(_ => throw new InvalidOperationException("a broken action"));

        var seq = await temp.Ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(8), "Next Pharmacy", PartyRole.Pharmacy, 30, 120), None).WaitAsync(Patience);

        Assert.Equal(seq + 1, temp.Ledger.Checkpoint.TreeSize);
    }

    [Fact]
    public async Task FailedSync_FailsTheWritesItCovered_AndTheLedgerRefusesWritesUntilReopened()
    {
        var diskFails = false;
        var options = TempLedger.Options(directory) with { WalSync = () => Volatile.Read(ref diskFails) ? new IOException("fdatasync: input/output error") : null };
        await using (var ledger = await Ledger.OpenAsync(options, None))
        {
            await ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(1), "Synced Pharma", PartyRole.Manufacturer), None);
            var published = ledger.Checkpoint;
            Volatile.Write(ref diskFails, true);

            var lost = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(2), "Unsynced Pharma", PartyRole.Pharmacy), None));
            Assert.Contains("could not be made durable (fdatasync: input/output error)", lost.Message, StringComparison.Ordinal);
            Assert.Equal(published, ledger.Checkpoint); // no checkpoint over a commit that may not be on disk
            Assert.NotNull(ledger.WriteFault);
            await Assert.ThrowsAsync<IOException>(() => ledger.WhenDurableAsync(None));

            Volatile.Write(ref diskFails, false); // a later sync that "succeeds" does not undo the failure
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(3), "Later Pharma", PartyRole.Pharmacy), None));
            Assert.Contains("refuses writes until it is reopened", refused.Message, StringComparison.Ordinal);
        }

        await using (var reopened = await Ledger.OpenAsync(TempLedger.Options(directory), None))
        {
            Assert.Null(reopened.WriteFault);
            await reopened.RegisterPartyAsync(new PartyRegistration(Gs1.Gln(4), "After Reopen", PartyRole.Pharmacy), None);
        }
    }

    /// <summary>Holds the sync thread after its next sync until the hold is released (or disposed, so a failing test never leaves it held).</summary>
    private static SyncThreadHold HoldSyncThread(LogWriter log)
    {
        var hold = new SyncThreadHold();
        using var holding = new ManualResetEventSlim();
        log.Syncer.AfterSync(_ =>
        {
            holding.Set();
            hold.WaitForRelease();
        });
        Assert.True(holding.Wait(Patience), "the sync thread did not come round");
        return hold;
    }

    private static long EntriesInFile(string database) => Count(database, "SELECT COUNT(*) FROM entries;");

    private static long RecallsInFile(string database) => Count(database, $"SELECT COUNT(*) FROM entries WHERE kind = {(int)EntryKind.BatchRecalled};");

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(10);
        }
    }

    private sealed class SyncThreadHold : IDisposable
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void WaitForRelease() => released.Task.Wait(Patience);

        public void Release() => released.TrySetResult();

        public void Dispose() => Release();
    }
}
