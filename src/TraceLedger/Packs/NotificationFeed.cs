using System.Text.Json;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Notifications;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace TraceLedger.Packs;

/// <summary>
/// Reads what a notification publisher sends, in commit order and after a cursor: recalls from the log
/// (<c>batch_recalled</c> entries, after a log sequence number) and alerts (after an alert number). Both numbers only
/// grow in commit order (one writer), so "everything after my cursor" never skips a row committed later. A page is
/// handed out only once everything it read is durable: a publisher never sends a notice that a power loss could take
/// back, nor moves its cursor past numbers the ledger could give again. Read-only; its own connections on the file.
/// </summary>
public sealed class NotificationFeed
{
    private readonly string connectionString;
    private readonly Ledger ledger;

    /// <summary>A feed over the ledger with the pack lifecycle in <paramref name="ledger"/>.</summary>
    public NotificationFeed(PackLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        this.ledger = ledger.Ledger;
        connectionString = new SqliteConnectionStringBuilder { DataSource = ledger.Ledger.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    }

    /// <summary>
    /// Recalls recorded in log entries after <paramref name="afterSeq"/>, one notice per batch (a product-wide recall
    /// covers the batches commissioned before it), oldest first, from at most <paramref name="maxEntries"/> recall
    /// entries. <see cref="RecallFeedPage.ThroughSeq"/> says how far the log was read.
    /// </summary>
    public async Task<RecallFeedPage> RecallsAfterAsync(long afterSeq, int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);

        // One read snapshot: the log end and the recalls up to it.
        long end;
        await using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT COALESCE(MAX(seq), -1) FROM entries;";
            end = (long)(await last.ExecuteScalarAsync(cancellationToken))!;
        }

        var notices = new List<RecallNotice>();
        var through = end;
        var entries = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT seq, entry_bytes, received_at_ms FROM entries WHERE seq > $after AND seq <= $end AND kind = $kind ORDER BY seq;";
            command.Parameters.AddWithValue("$after", afterSeq);
            command.Parameters.AddWithValue("$end", end);
            command.Parameters.AddWithValue("$kind", (int)EntryKind.BatchRecalled);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                if (entries == maxEntries)
                {
                    through = seq - 1;
                    break;
                }

                entries++;
                var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
                using var entry = JsonDocument.Parse((byte[])reader.GetValue(1));
                var root = entry.RootElement;
                var gtin = root.GetProperty("gtin").GetString()!;
                var withdrawal = root.GetProperty("withdrawal").GetBoolean();
                var reason = root.GetProperty("reason").GetString()!;
                var lots = root.TryGetProperty("lot", out var lot) ? [lot.GetString()!] : await LotsBeforeAsync(connection, transaction, gtin, seq, cancellationToken);
                notices.AddRange(lots.Select(l => new RecallNotice(gtin, l, withdrawal, reason, at, seq)));
            }
        }

        var afterLeaf = await LeafHashAsync(connection, transaction, afterSeq, cancellationToken);
        var throughLeaf = await LeafHashAsync(connection, transaction, through, cancellationToken);
        await ledger.WhenDurableAsync(cancellationToken);
        return new RecallFeedPage(notices, through, afterLeaf, throughLeaf);
    }

    private static async Task<byte[]?> LeafHashAsync(SqliteConnection connection, SqliteTransaction transaction, long seq, CancellationToken cancellationToken)
    {
        if (seq < 0)
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT leaf_hash FROM entries WHERE seq = $seq;";
        command.Parameters.AddWithValue("$seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>
    /// Alerts numbered after <paramref name="afterId"/>, oldest first, at most <paramref name="max"/>: one notice per
    /// party concerned (the actor, the location, the product's manufacturer; each once).
    /// </summary>
    public async Task<AlertFeedPage> AlertsAfterAsync(long afterId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.code, a.identifier, a.actor_gln, a.location_gln, a.at_ms, pr.owner_gln
            FROM alerts a
            LEFT JOIN packs p ON p.identifier = a.identifier
            LEFT JOIN batches b ON b.id = p.batch_id
            LEFT JOIN products pr ON pr.gtin = b.gtin
            WHERE a.id > $after ORDER BY a.id LIMIT $max;
            """;
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$max", max);
        var notices = new List<AlertNotice>();
        var through = afterId;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            var identifier = reader.IsDBNull(2) ? null : reader.GetString(2);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5));
            var parties = new[] { 3, 4, 6 }.Where(i => !reader.IsDBNull(i)).Select(reader.GetString).Distinct(StringComparer.Ordinal);
            notices.AddRange(parties.Select(gln => new AlertNotice(id, reader.GetString(1), identifier, at, gln)));
            through = id;
        }

        await ledger.WhenDurableAsync(cancellationToken);
        return new AlertFeedPage(notices, through);
    }

    /// <summary>The newest alert number, 0 when there is none (a new publisher starts its alert cursor here).</summary>
    public async Task<long> LastAlertIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM alerts;";
        var last = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await ledger.WhenDurableAsync(cancellationToken);
        return last;
    }

    private static async Task<IReadOnlyList<string>> LotsBeforeAsync(SqliteConnection connection, SqliteTransaction transaction, string gtin, long seq, CancellationToken cancellationToken)
    {
        // A product-wide recall marks the batches that existed then; later batches are not recalled.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT lot FROM batches WHERE gtin = $gtin AND commissioned_seq < $seq ORDER BY lot;";
        command.Parameters.AddWithValue("$gtin", gtin);
        command.Parameters.AddWithValue("$seq", seq);
        var lots = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lots.Add(reader.GetString(0));
        }

        return lots;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
