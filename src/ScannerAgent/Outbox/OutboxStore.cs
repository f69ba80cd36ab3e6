using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Outbox;

/// <summary>
/// The durable outbox: a SQLite file (WAL, synchronous=FULL) holding every signed hop until the ledger settles it,
/// and the device counter. <see cref="Append"/> stores the hop and advances the counter in one transaction, so
/// after a crash either both happened or neither; the counter never goes back and a hop is never half-written.
/// One connection guarded by a lock (SQLite allows one writer anyway); appends go through one writer task.
/// </summary>
public sealed partial class OutboxStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _sync = new();
    private readonly Channel<AppendRequest> _appends = Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    private OutboxStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Raised after an append commits (on the appending thread): the uplink wakes on it.</summary>
    public event EventHandler? Appended;

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    /// <summary>Opens or creates the outbox file.</summary>
    public static OutboxStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=FULL;
                CREATE TABLE IF NOT EXISTS device_counter (
                    device_id TEXT PRIMARY KEY,
                    last_counter INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS outbox (
                    counter INTEGER PRIMARY KEY,
                    device_id TEXT NOT NULL,
                    scanner TEXT NOT NULL,
                    identifier TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    entry BLOB NOT NULL,
                    created_utc TEXT NOT NULL,
                    status TEXT NULL,
                    seq INTEGER NULL,
                    reason TEXT NULL,
                    message TEXT NULL,
                    settled_utc TEXT NULL);
                CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(counter) WHERE status IS NULL;
                CREATE TABLE IF NOT EXISTS mqtt_delivery (
                    session TEXT NOT NULL,
                    packet_id INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    payload_sha256 BLOB NOT NULL,
                    counter INTEGER NOT NULL,
                    PRIMARY KEY (session, packet_id));
                CREATE TABLE IF NOT EXISTS mqtt_scan (
                    topic TEXT NOT NULL,
                    payload_sha256 BLOB NOT NULL,
                    counter INTEGER NOT NULL,
                    PRIMARY KEY (topic, payload_sha256));
                """);
            return new OutboxStore(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"outbox {full} cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>The last counter used by <paramref name="deviceId"/>, 0 when none.</summary>
    public long LastCounter(string deviceId)
    {
        lock (_sync)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT last_counter FROM device_counter WHERE device_id = $d";
            command.Parameters.AddWithValue("$d", deviceId);
            return command.ExecuteScalar() is long last ? last : 0;
        }
    }

    /// <summary>
    /// Takes the next counter, signs the hop <paramref name="sign"/> builds for it and stores both durably; completes
    /// only after the commit is on disk. The caller acknowledges the scanner after this completes. Appends that
    /// arrive together (several scanners) share one transaction and one fsync (group commit); each still gets its
    /// own counter, and one that fails (its signing throws) is rolled back alone. An MQTT
    /// <paramref name="delivery"/> is recorded in the same transaction (replacing the session's earlier delivery
    /// with that packet id), so a redelivery can be recognised after a crash (<see cref="FindDelivery"/>).
    /// </summary>
    public Task<OutboxEntry> AppendAsync(string deviceId, string scanner, string workflow, Func<long, SignedHop> sign, DateTimeOffset now, CancellationToken cancellationToken) =>
        AppendAsync(deviceId, scanner, workflow, sign, now, null, cancellationToken);

    /// <summary>As the other overload, and records the MQTT <paramref name="delivery"/> the hop came from (see there).</summary>
    public async Task<OutboxEntry> AppendAsync(string deviceId, string scanner, string workflow, Func<long, SignedHop> sign, DateTimeOffset now, MqttDelivery? delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sign);
        var request = new AppendRequest(deviceId, scanner, workflow, sign, now, delivery);
        await _appends.Writer.WriteAsync(request, cancellationToken);
        return await request.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<AppendRequest>();
        while (await _appends.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 256 && _appends.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            var done = new List<(AppendRequest Request, OutboxEntry Entry)>(batch.Count);
            var failed = new List<(AppendRequest Request, Exception Error)>();
            try
            {
                lock (_sync)
                {
                    using var transaction = _connection.BeginTransaction();
                    foreach (var request in batch)
                    {
                        transaction.Save("append");
                        try
                        {
                            done.Add((request, Insert(transaction, request)));
                            transaction.Release("append");
                        }
                        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or System.Security.Cryptography.CryptographicException)
                        {
                            transaction.Rollback("append");
                            failed.Add((request, e));
                        }
                    }

                    transaction.Commit();
                }
            }
            catch (SqliteException e)
            {
                // Nothing of this batch is on disk: every waiting scan is refused (not acknowledged).
                foreach (var request in batch)
                {
                    request.Done.TrySetException(new InvalidOperationException($"outbox {Path}: {e.Message}", e));
                }

                continue;
            }

            foreach (var (request, error) in failed)
            {
                request.Done.TrySetException(error);
            }

            foreach (var (request, entry) in done)
            {
                request.Done.TrySetResult(entry);
            }

            if (done.Count > 0)
            {
                Appended?.Invoke(this, EventArgs.Empty);
            }
        }
    }

    private OutboxEntry Insert(SqliteTransaction transaction, AppendRequest request)
    {
        long next;
        using (var read = _connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT last_counter FROM device_counter WHERE device_id = $d";
            read.Parameters.AddWithValue("$d", request.DeviceId);
            next = (read.ExecuteScalar() is long last ? last : 0) + 1;
        }

        var signed = request.Sign(next);
        if (signed.Hop.Counter != next || signed.Hop.DeviceId != request.DeviceId)
        {
            throw new InvalidOperationException($"the hop must carry device {request.DeviceId} and counter {next}");
        }

        var entry = new OutboxEntry(next, request.Scanner, signed.Hop.Identifiers[0], request.Workflow, signed.ToEntryBytes());
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO outbox (counter, device_id, scanner, identifier, workflow, entry, created_utc)
            VALUES ($c, $d, $s, $i, $w, $e, $t);
            INSERT INTO device_counter (device_id, last_counter) VALUES ($d, $c)
            ON CONFLICT(device_id) DO UPDATE SET last_counter = excluded.last_counter;
            """;
        insert.Parameters.AddWithValue("$c", next);
        insert.Parameters.AddWithValue("$d", request.DeviceId);
        insert.Parameters.AddWithValue("$s", request.Scanner);
        insert.Parameters.AddWithValue("$i", entry.Identifier);
        insert.Parameters.AddWithValue("$w", request.Workflow);
        insert.Parameters.AddWithValue("$e", entry.Entry);
        insert.Parameters.AddWithValue("$t", request.Now.UtcDateTime.ToString("O"));
        insert.ExecuteNonQuery();
        if (request.Delivery is { PacketId: > 0 } delivery)
        {
            using var remember = _connection.CreateCommand();
            remember.Transaction = transaction;
            remember.CommandText = """
                INSERT INTO mqtt_delivery (session, packet_id, topic, payload_sha256, counter) VALUES ($s, $p, $t, $h, $c)
                ON CONFLICT(session, packet_id) DO UPDATE SET topic = excluded.topic, payload_sha256 = excluded.payload_sha256, counter = excluded.counter;
                """;
            remember.Parameters.AddWithValue("$s", delivery.Session);
            remember.Parameters.AddWithValue("$p", (int)delivery.PacketId);
            remember.Parameters.AddWithValue("$t", delivery.Topic);
            remember.Parameters.AddWithValue("$h", delivery.PayloadHash);
            remember.Parameters.AddWithValue("$c", next);
            remember.ExecuteNonQuery();
        }

        if (request.Delivery is { IdentifiesScan: true } scan)
        {
            using var remember = _connection.CreateCommand();
            remember.Transaction = transaction;
            remember.CommandText = "INSERT OR REPLACE INTO mqtt_scan (topic, payload_sha256, counter) VALUES ($t, $h, $c)";
            remember.Parameters.AddWithValue("$t", scan.Topic);
            remember.Parameters.AddWithValue("$h", scan.PayloadHash);
            remember.Parameters.AddWithValue("$c", next);
            remember.ExecuteNonQuery();
        }

        return entry;
    }

    /// <summary>The oldest unsettled entries, in counter order (the order the ledger needs).</summary>
    public IReadOnlyList<OutboxEntry> Pending(int limit)
    {
        lock (_sync)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT counter, scanner, identifier, workflow, entry FROM outbox WHERE status IS NULL ORDER BY counter LIMIT $n";
            command.Parameters.AddWithValue("$n", limit);
            using var reader = command.ExecuteReader();
            var list = new List<OutboxEntry>();
            while (reader.Read())
            {
                list.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (byte[])reader.GetValue(4)));
            }

            return list;
        }
    }

    /// <summary>Records the ledger's receipts; settled entries are never uploaded again.</summary>
    public void Settle(IReadOnlyList<OutboxSettlement> settlements, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var s in settlements)
            {
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE outbox SET status = $st, seq = $seq, reason = $r, message = $m, settled_utc = $t WHERE counter = $c AND status IS NULL";
                command.Parameters.AddWithValue("$st", s.Status);
                command.Parameters.AddWithValue("$seq", (object?)s.Seq ?? DBNull.Value);
                command.Parameters.AddWithValue("$r", (object?)s.Reason ?? DBNull.Value);
                command.Parameters.AddWithValue("$m", (object?)s.Message ?? DBNull.Value);
                command.Parameters.AddWithValue("$t", now.UtcDateTime.ToString("O"));
                command.Parameters.AddWithValue("$c", s.Counter);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Entries by state: pending (null key) and each settled status.</summary>
    public IReadOnlyDictionary<string, long> Counts()
    {
        lock (_sync)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT coalesce(status, 'pending'), count(*) FROM outbox GROUP BY status";
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<string, long>(StringComparer.Ordinal) { ["pending"] = 0 };
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            return counts;
        }
    }

    /// <summary>Finishes queued appends and closes the file.</summary>
    public void Dispose()
    {
        _appends.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
        lock (_sync)
        {
            _connection.Dispose();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record AppendRequest(string DeviceId, string Scanner, string Workflow, Func<long, SignedHop> Sign, DateTimeOffset Now, MqttDelivery? Delivery)
    {
        public TaskCompletionSource<OutboxEntry> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
