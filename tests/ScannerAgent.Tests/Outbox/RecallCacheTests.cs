using Microsoft.Data.Sqlite;
using ScannerAgent.Outbox;
using TraceChain.Protocol.Notifications;

namespace ScannerAgent.Tests.Outbox;

/// <summary>The recall cache on a real SQLite file (the outbox's).</summary>
public sealed class RecallCacheTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("recall-cache-").FullName;

    private string Path => System.IO.Path.Combine(directory, "outbox.db");

    [Fact]
    public void Store_ThenReopen_FindsTheRecall_AndANewerNoticeReplacesIt()
    {
        var first = new RecallNotice("09506000134352", "B1", false, "first", DateTimeOffset.UnixEpoch, 5);
        var newer = first with { Withdrawal = true, Reason = "second", Seq = 9 };
        using (var cache = RecallCache.Open(Path))
        {
            cache.Store(first, DateTimeOffset.UnixEpoch);
            cache.Store(newer, DateTimeOffset.UnixEpoch);
            cache.Store(first with { Batch = "B2" }, DateTimeOffset.UnixEpoch);
        }

        using var reopened = RecallCache.Open(Path);
        Assert.Equal(2, reopened.Count);
        Assert.Equal(newer, reopened.Find("09506000134352", "B1"));
        Assert.Null(reopened.Find("09506000134352", "B3"));
        Assert.Null(reopened.Find("09506000134353", "B1"));
    }

    [Fact]
    public void Remove_ForgetsDurably_AndSaysWhetherItKnewTheRecall()
    {
        using (var cache = RecallCache.Open(Path))
        {
            cache.Store(new RecallNotice("09506000134352", "B1", false, "r", DateTimeOffset.UnixEpoch, 1), DateTimeOffset.UnixEpoch);
            Assert.True(cache.Remove("09506000134352", "B1"));
            Assert.False(cache.Remove("09506000134352", "B1"));
        }

        using var reopened = RecallCache.Open(Path);
        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public void Open_SharesTheFileWithTheOutbox()
    {
        using var outbox = OutboxStore.Open(Path);
        using var cache = RecallCache.Open(Path);
        cache.Store(new RecallNotice("09506000134352", "B1", false, "r", DateTimeOffset.UnixEpoch, 1), DateTimeOffset.UnixEpoch);
        Assert.Equal(0, outbox.Counts()["pending"]);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Open_NotADatabase_ThrowsNamingTheFile()
    {
        File.WriteAllText(Path, "this is not SQLite, just text long enough to be read as a header page...........");
        var error = Assert.Throws<InvalidDataException>(() => RecallCache.Open(Path));
        Assert.Contains(Path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
