using Microsoft.Data.Sqlite;
using TraceGateway.Notifications;

namespace TraceGateway.Tests.Notifications;

/// <summary>The publisher's cursor file (real SQLite): positions and the ledger they were taken on, across reopening.</summary>
public sealed class PublishCursorTests : IDisposable
{
    private static readonly LedgerIdentity LedgerA = new("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaaaa", "tracechain.example/log+0a0b0c0d+AQaaaa");
    private static readonly LedgerIdentity LedgerB = new("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbbbb", "tracechain.example/log+1a1b1c1d+AQbbbb");

    private readonly string directory = Directory.CreateTempSubdirectory("publish-cursor-").FullName;

    private string Path => System.IO.Path.Combine(directory, "notify.db");

    [Fact]
    public void Follow_RecordsTheLedger_AndForgetsOnlyTheNamedStreams_DurablyAcrossReopening()
    {
        using (var cursor = PublishCursor.Open(Path))
        {
            Assert.Null(cursor.FollowedLedger());
            cursor.Set(NotificationPublisher.RecallStream, 41);
            cursor.Set(NotificationPublisher.AlertStream, 7);
            cursor.Follow(LedgerA, [NotificationPublisher.RecallStream]);
        }

        using (var reopened = PublishCursor.Open(Path))
        {
            Assert.Equal(LedgerA, reopened.FollowedLedger());
            Assert.Null(reopened.Get(NotificationPublisher.RecallStream));
            Assert.Equal(7, reopened.Get(NotificationPublisher.AlertStream));
            reopened.Set(NotificationPublisher.RecallStream, 99);
            reopened.Follow(LedgerB, [NotificationPublisher.RecallStream, NotificationPublisher.AlertStream]);
        }

        using var again = PublishCursor.Open(Path);
        Assert.Equal(LedgerB, again.FollowedLedger());
        Assert.Null(again.Get(NotificationPublisher.RecallStream));
        Assert.Null(again.Get(NotificationPublisher.AlertStream));
    }

    [Fact]
    public void EntryAt_IsTheHashStoredWithThePosition_AndOnlyWhileThePositionIsThatOne()
    {
        var hash = System.Security.Cryptography.SHA256.HashData("entry 12"u8);
        using (var cursor = PublishCursor.Open(Path))
        {
            cursor.Set(NotificationPublisher.RecallStream, 12, hash);
        }

        using var reopened = PublishCursor.Open(Path);
        Assert.Equal(12, reopened.Get(NotificationPublisher.RecallStream));
        Assert.Equal(hash, reopened.EntryAt(NotificationPublisher.RecallStream));

        // A position stored without its entry has no hash: an older hash must never vouch for a newer position.
        reopened.Set(NotificationPublisher.RecallStream, 13);
        Assert.Null(reopened.EntryAt(NotificationPublisher.RecallStream));
        reopened.Set(NotificationPublisher.RecallStream, 12, hash);
        reopened.Follow(LedgerA, [NotificationPublisher.RecallStream]);
        Assert.Null(reopened.EntryAt(NotificationPublisher.RecallStream));
    }

    [Fact]
    public void IsSameLedger_ComparesTheSigningKey_NotTheOriginName()
    {
        Assert.True(LedgerA.IsSameLedger(LedgerA with { VerifierKey = "renamed+0a0b0c0d+AQaaaa" }));
        Assert.False(LedgerA.IsSameLedger(LedgerB with { VerifierKey = LedgerA.VerifierKey }));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
