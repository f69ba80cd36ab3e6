using Microsoft.Data.Sqlite;

namespace TraceGateway.Counter;

/// <summary>
/// The gateway's own SQLite file of counter devices: one row per pharmacy with its device id, public key, private key
/// (PKCS#8, encrypted by the caller with ASP.NET Core Data Protection) and the device counter. The file is created
/// with mode 0600; WAL with synchronous=FULL, so a counter once used is never handed out again after a crash.
/// </summary>
public sealed class CounterDeviceStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS counter_devices (
            party_gln TEXT PRIMARY KEY,
            device_id TEXT NOT NULL UNIQUE,
            key_id TEXT NOT NULL,
            public_key TEXT NOT NULL,
            protected_private_key BLOB NOT NULL,
            counter INTEGER NOT NULL DEFAULT 0,
            registered_seq INTEGER,
            created_at TEXT NOT NULL);
        """;

    private readonly string connectionString;

    private CounterDeviceStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating with mode 0600 if missing) the store at <paramref name="path"/>.</summary>
    public static async Task<CounterDeviceStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (!File.Exists(full))
        {
            // Create the empty file ourselves so SQLite (and its WAL files, which copy the mode) never makes it world-readable.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                await using var created = new FileStream(full, options);
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another process created it first: fine.
            }
        }

        var store = new CounterDeviceStore(full);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return store;
    }

    /// <summary>The pharmacy's counter device, or null when it has none yet.</summary>
    public async Task<CounterDevice?> FindAsync(string partyGln, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT device_id, key_id, public_key, registered_seq FROM counter_devices WHERE party_gln = $gln;";
        command.Parameters.AddWithValue("$gln", partyGln);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CounterDevice(partyGln, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3))
            : null;
    }

    /// <summary>Adds a device not yet registered in the ledger; false when the pharmacy already has one.</summary>
    public async Task<bool> AddAsync(CounterDevice device, byte[] protectedPrivateKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return await ExecuteAsync(
            """
            INSERT INTO counter_devices (party_gln, device_id, key_id, public_key, protected_private_key, counter, registered_seq, created_at)
            VALUES ($gln, $device, $kid, $pub, $priv, 0, NULL, $at) ON CONFLICT (party_gln) DO NOTHING;
            """,
            new()
            {
                ["$gln"] = device.PartyGln,
                ["$device"] = device.DeviceId,
                ["$kid"] = device.KeyId,
                ["$pub"] = device.PublicKey,
                ["$priv"] = protectedPrivateKey,
                ["$at"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
            cancellationToken) == 1;
    }

    /// <summary>Records the registry entry that registered the pharmacy's device.</summary>
    public async Task MarkRegisteredAsync(string partyGln, long seq, CancellationToken cancellationToken)
    {
        await ExecuteAsync("UPDATE counter_devices SET registered_seq = $seq WHERE party_gln = $gln;", new() { ["$gln"] = partyGln, ["$seq"] = seq }, cancellationToken);
    }

    /// <summary>Gives the pharmacy's device, not yet registered, another device id.</summary>
    public async Task SetDeviceIdAsync(string partyGln, string deviceId, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "UPDATE counter_devices SET device_id = $device WHERE party_gln = $gln AND registered_seq IS NULL;",
            new() { ["$gln"] = partyGln, ["$device"] = deviceId },
            cancellationToken);
    }

    /// <summary>The device's protected private key, or null when the pharmacy has no device.</summary>
    public async Task<byte[]?> ReadProtectedKeyAsync(string partyGln, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT protected_private_key FROM counter_devices WHERE party_gln = $gln;";
        command.Parameters.AddWithValue("$gln", partyGln);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>Gives the pharmacy's device a new key (after the ledger accepted the rotation in entry <paramref name="seq"/>).</summary>
    public async Task ReplaceKeyAsync(string partyGln, string keyId, string publicKey, byte[] protectedPrivateKey, long seq, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "UPDATE counter_devices SET key_id = $kid, public_key = $pub, protected_private_key = $priv, registered_seq = $seq WHERE party_gln = $gln;",
            new() { ["$gln"] = partyGln, ["$kid"] = keyId, ["$pub"] = publicKey, ["$priv"] = protectedPrivateKey, ["$seq"] = seq },
            cancellationToken);
    }

    /// <summary>Takes the device's next counter (committed before it is used, so it is never reused), its device id and protected private key.</summary>
    public async Task<(string DeviceId, long Counter, byte[] ProtectedPrivateKey)> TakeNextCounterAsync(string partyGln, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE counter_devices SET counter = counter + 1 WHERE party_gln = $gln RETURNING device_id, counter, protected_private_key;";
        command.Parameters.AddWithValue("$gln", partyGln);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.GetInt64(1), (byte[])reader.GetValue(2))
            : throw new InvalidOperationException($"Pharmacy {partyGln} has no counter device.");
    }

    /// <summary>
    /// Moves the device's counter up to at least <paramref name="lastCounter"/> (never down), so the next one taken is
    /// above it; false when the pharmacy's device is not <paramref name="deviceId"/> (it moved meanwhile).
    /// </summary>
    public async Task<bool> AdvanceCounterAsync(string partyGln, string deviceId, long lastCounter, CancellationToken cancellationToken)
    {
        return await ExecuteAsync(
            "UPDATE counter_devices SET counter = MAX(counter, $last) WHERE party_gln = $gln AND device_id = $device;",
            new() { ["$gln"] = partyGln, ["$device"] = deviceId, ["$last"] = lastCounter },
            cancellationToken) == 1;
    }

    /// <summary>Runs one statement with its parameters on a connection of its own; returns the rows it changed.</summary>
    private async Task<int> ExecuteAsync(string sql, Dictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
