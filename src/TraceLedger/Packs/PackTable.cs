using Microsoft.Data.Sqlite;
using TraceLedger.Packs.Storage;
using TraceLedger.Storage;

namespace TraceLedger.Packs;

/// <summary>
/// The pack tables in raw prepared SQL on one connection (the writer's inside a transaction, or a reader's):
/// point lookups and updates on the hot paths, where EF change tracking would cost more than the query.
/// </summary>
internal sealed class PackTable(SqliteConnection connection) : IDisposable
{
    private const string PackColumns =
        "identifier, batch_id, is_container, state, state_at_ms, holder_gln, destination_gln, parent_id, dispensed_at_ms, dispensed_location, dispensed_by, " +
        "last_seen_gln, last_seen_at_ms, first_verified_at_ms, verification_count, consumer_check_count, scratch_hash, scratch_first_verified_at_ms, scratch_failures";

    private const string BatchColumns = "id, gtin, lot, expiry, expires_on, commissioned_seq, commissioned_at_ms, recalled_at_ms, withdrawn_at_ms, recall_reason";

    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    // Products and parties never change once registered, so their rows are cached per table (verdict fast path).
    private readonly Dictionary<string, ProductRow> products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PartyInfo> parties = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction? Transaction { get; set; }

    public PackRow? Find(string identifier) =>
        ReadPack("SELECT " + PackColumns + " FROM packs WHERE identifier = $a;", identifier);

    public PackRow? FindByScratch(byte[] scratchHash) =>
        ReadPack("SELECT " + PackColumns + " FROM packs WHERE scratch_hash = $a;", scratchHash);

    /// <summary>Inserts a pack; false when the identifier exists already.</summary>
    public bool Insert(PackRow row)
    {
        var command = Command(
            "INSERT INTO packs (" + PackColumns + ") VALUES ($a, $b, $c, $d, $e, $f, $g, $h, $i, $j, $k, $l, $m, $n, $o, $p, $q, $r, $s) ON CONFLICT (identifier) DO NOTHING;", 19);
        Bind(command, row);
        return command.ExecuteNonQuery() == 1;
    }

    public void Update(PackRow row)
    {
        var command = Command(
            "UPDATE packs SET batch_id = $b, is_container = $c, state = $d, state_at_ms = $e, holder_gln = $f, destination_gln = $g, parent_id = $h, " +
            "dispensed_at_ms = $i, dispensed_location = $j, dispensed_by = $k, last_seen_gln = $l, last_seen_at_ms = $m, first_verified_at_ms = $n, " +
            "verification_count = $o, consumer_check_count = $p, scratch_hash = $q, scratch_first_verified_at_ms = $r, scratch_failures = $s WHERE identifier = $a;", 19);
        Bind(command, row);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes only what recording a verification changes (sighting, counts, first times, scratch attempts): none of
    /// those columns is indexed, so the write touches the row's own page and no index page.
    /// </summary>
    public void UpdateVerification(PackRow row)
    {
        var command = Command(
            "UPDATE packs SET last_seen_gln = $b, last_seen_at_ms = $c, first_verified_at_ms = $d, verification_count = $e, consumer_check_count = $f, " +
            "scratch_first_verified_at_ms = $g, scratch_failures = $h WHERE identifier = $a;", 8);
        var p = command.Parameters;
        p[0].Value = row.Identifier;
        p[1].Value = (object?)row.LastSeenGln ?? DBNull.Value;
        p[2].Value = (object?)row.LastSeenAtMs ?? DBNull.Value;
        p[3].Value = (object?)row.FirstVerifiedAtMs ?? DBNull.Value;
        p[4].Value = row.VerificationCount;
        p[5].Value = row.ConsumerCheckCount;
        p[6].Value = (object?)row.ScratchFirstVerifiedAtMs ?? DBNull.Value;
        p[7].Value = row.ScratchFailures;
        command.ExecuteNonQuery();
    }

    /// <summary>Every pack nested in <paramref name="container"/>, at any depth.</summary>
    public List<string> Descendants(string container)
    {
        var command = Command(
            "WITH RECURSIVE inside(id) AS (SELECT identifier FROM packs WHERE parent_id = $a " +
            "UNION ALL SELECT p.identifier FROM packs p JOIN inside ON p.parent_id = inside.id) SELECT id FROM inside;", 1);
        command.Parameters[0].Value = container;
        var result = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    public BatchRow? FindBatch(long id) => ReadBatch("SELECT " + BatchColumns + " FROM batches WHERE id = $a;", id, null);

    public BatchRow? FindBatch(string gtin, string lot) => ReadBatch("SELECT " + BatchColumns + " FROM batches WHERE gtin = $a AND lot = $b;", gtin, lot);

    public bool HasProduct(string gtin) => FindProduct(gtin) is not null;

    public ProductRow? FindProduct(string gtin)
    {
        if (products.TryGetValue(gtin, out var cached))
        {
            return cached;
        }

        var found = ReadProduct(gtin);
        if (found is not null)
        {
            products[gtin] = found;
        }

        return found;
    }

    private ProductRow? ReadProduct(string gtin)
    {
        var command = Command("SELECT gtin, owner_gln, name, strength, form, pack_size, publish_manufacturer FROM products WHERE gtin = $a;", 1);
        command.Parameters[0].Value = gtin;
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ProductRow
            {
                Gtin = reader.GetString(0),
                OwnerGln = reader.GetString(1),
                Name = reader.GetString(2),
                Strength = reader.GetString(3),
                Form = reader.GetString(4),
                PackSize = reader.GetInt32(5),
                PublishManufacturer = reader.GetBoolean(6),
            }
            : null;
    }

    public PartyInfo? Party(string gln)
    {
        if (parties.TryGetValue(gln, out var cached))
        {
            return cached;
        }

        var found = ReadParty(gln);
        if (found is not null)
        {
            parties[gln] = found;
        }

        return found;
    }

    private PartyInfo? ReadParty(string gln)
    {
        var command = Command("SELECT gln, name, role, latitude, longitude FROM parties WHERE gln = $a;", 1);
        command.Parameters[0].Value = gln;
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PartyInfo(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<PartyRole>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4))
            : null;
    }

    public long InsertAlert(AlertCode code, string? identifier, string? actor, string? location, long atMs, string detail)
    {
        var command = Command(
            "INSERT INTO alerts (code, identifier, actor_gln, location_gln, at_ms, detail, closed) VALUES ($a, $b, $c, $d, $e, $f, 0) RETURNING id;", 6);
        var p = command.Parameters;
        p[0].Value = Alerts.WireName(code);
        p[1].Value = (object?)identifier ?? DBNull.Value;
        p[2].Value = (object?)actor ?? DBNull.Value;
        p[3].Value = (object?)location ?? DBNull.Value;
        p[4].Value = atMs;
        p[5].Value = detail;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Open alerts of these kinds about <paramref name="identifier"/>.</summary>
    public bool HasOpenAlert(string identifier, AlertCode code)
    {
        var command = Command("SELECT 1 FROM alerts WHERE identifier = $a AND code = $b AND closed = 0 LIMIT 1;", 2);
        command.Parameters[0].Value = identifier;
        command.Parameters[1].Value = Alerts.WireName(code);
        return command.ExecuteScalar() is not null;
    }

    public bool Exists(string identifier)
    {
        var command = Command("SELECT 1 FROM packs WHERE identifier = $a;", 1);
        command.Parameters[0].Value = identifier;
        return command.ExecuteScalar() is not null;
    }

    public void InsertProduct(ProductRow row)
    {
        var command = Command("INSERT INTO products (gtin, owner_gln, name, strength, form, pack_size, publish_manufacturer) VALUES ($a, $b, $c, $d, $e, $f, $g);", 7);
        var p = command.Parameters;
        p[0].Value = row.Gtin;
        p[1].Value = row.OwnerGln;
        p[2].Value = row.Name;
        p[3].Value = row.Strength;
        p[4].Value = row.Form;
        p[5].Value = row.PackSize;
        p[6].Value = row.PublishManufacturer;
        command.ExecuteNonQuery();
    }

    public long InsertBatch(BatchRow row)
    {
        var command = Command("INSERT INTO batches (gtin, lot, expiry, expires_on, commissioned_seq, commissioned_at_ms) VALUES ($a, $b, $c, $d, $e, $f) RETURNING id;", 6);
        var p = command.Parameters;
        p[0].Value = row.Gtin;
        p[1].Value = row.Lot;
        p[2].Value = row.Expiry;
        p[3].Value = row.ExpiresOn;
        p[4].Value = row.CommissionedSeq;
        p[5].Value = row.CommissionedAtMs;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Marks batches recalled or withdrawn (all batches of the GTIN when <paramref name="lot"/> is null); returns how many.</summary>
    public int MarkRecalled(string gtin, string? lot, bool withdrawal, string reason, long atMs)
    {
        var column = withdrawal ? "withdrawn_at_ms" : "recalled_at_ms";
        var command = Command($"UPDATE batches SET {column} = COALESCE({column}, $c), recall_reason = $d WHERE gtin = $a AND ($b IS NULL OR lot = $b);", 4);
        var p = command.Parameters;
        p[0].Value = gtin;
        p[1].Value = (object?)lot ?? DBNull.Value;
        p[2].Value = atMs;
        p[3].Value = reason;
        return command.ExecuteNonQuery();
    }

    public List<string> PrefixesOf(string partyGln)
    {
        var command = Command("SELECT prefix FROM company_prefixes WHERE party_gln = $a;", 1);
        command.Parameters[0].Value = partyGln;
        var result = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>The party a company prefix is registered to, or null.</summary>
    public string? PrefixOwner(string prefix)
    {
        var command = Command("SELECT party_gln FROM company_prefixes WHERE prefix = $a;", 1);
        command.Parameters[0].Value = prefix;
        return command.ExecuteScalar() as string;
    }

    public void InsertCompanyPrefix(string prefix, string partyGln)
    {
        var command = Command("INSERT INTO company_prefixes (prefix, party_gln) VALUES ($a, $b);", 2);
        command.Parameters[0].Value = prefix;
        command.Parameters[1].Value = partyGln;
        command.ExecuteNonQuery();
    }

    public bool CloseAlert(long id, RootCause cause, string? note, long atMs)
    {
        var command = Command("UPDATE alerts SET closed = 1, root_cause = $b, closing_note = $c, closed_at_ms = $d WHERE id = $a AND closed = 0;", 4);
        var p = command.Parameters;
        p[0].Value = id;
        p[1].Value = Alerts.WireName(cause);
        p[2].Value = (object?)note ?? DBNull.Value;
        p[3].Value = atMs;
        return command.ExecuteNonQuery() == 1;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
    }

    private PackRow? ReadPack(string sql, object key)
    {
        var command = Command(sql, 1);
        command.Parameters[0].Value = key;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new PackRow
        {
            Identifier = reader.GetString(0),
            BatchId = reader.IsDBNull(1) ? null : reader.GetInt64(1),
            IsContainer = reader.GetBoolean(2),
            State = reader.GetInt32(3),
            StateAtMs = reader.GetInt64(4),
            HolderGln = Text(reader, 5),
            DestinationGln = Text(reader, 6),
            ParentId = Text(reader, 7),
            DispensedAtMs = Long(reader, 8),
            DispensedLocation = Text(reader, 9),
            DispensedBy = Text(reader, 10),
            LastSeenGln = Text(reader, 11),
            LastSeenAtMs = Long(reader, 12),
            FirstVerifiedAtMs = Long(reader, 13),
            VerificationCount = reader.GetInt32(14),
            ConsumerCheckCount = reader.GetInt32(15),
            ScratchHash = reader.IsDBNull(16) ? null : (byte[])reader.GetValue(16),
            ScratchFirstVerifiedAtMs = Long(reader, 17),
            ScratchFailures = reader.GetInt32(18),
        };
    }

    private BatchRow? ReadBatch(string sql, object a, object? b)
    {
        var command = Command(sql, b is null ? 1 : 2);
        command.Parameters[0].Value = a;
        if (b is not null)
        {
            command.Parameters[1].Value = b;
        }

        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new BatchRow
            {
                Id = reader.GetInt64(0),
                Gtin = reader.GetString(1),
                Lot = reader.GetString(2),
                Expiry = reader.GetString(3),
                ExpiresOn = reader.GetInt32(4),
                CommissionedSeq = reader.GetInt64(5),
                CommissionedAtMs = reader.GetInt64(6),
                RecalledAtMs = Long(reader, 7),
                WithdrawnAtMs = Long(reader, 8),
                RecallReason = Text(reader, 9),
            }
            : null;
    }

    private static void Bind(SqliteCommand command, PackRow row)
    {
        var p = command.Parameters;
        p[0].Value = row.Identifier;
        p[1].Value = (object?)row.BatchId ?? DBNull.Value;
        p[2].Value = row.IsContainer;
        p[3].Value = row.State;
        p[4].Value = row.StateAtMs;
        p[5].Value = (object?)row.HolderGln ?? DBNull.Value;
        p[6].Value = (object?)row.DestinationGln ?? DBNull.Value;
        p[7].Value = (object?)row.ParentId ?? DBNull.Value;
        p[8].Value = (object?)row.DispensedAtMs ?? DBNull.Value;
        p[9].Value = (object?)row.DispensedLocation ?? DBNull.Value;
        p[10].Value = (object?)row.DispensedBy ?? DBNull.Value;
        p[11].Value = (object?)row.LastSeenGln ?? DBNull.Value;
        p[12].Value = (object?)row.LastSeenAtMs ?? DBNull.Value;
        p[13].Value = (object?)row.FirstVerifiedAtMs ?? DBNull.Value;
        p[14].Value = row.VerificationCount;
        p[15].Value = row.ConsumerCheckCount;
        p[16].Value = (object?)row.ScratchHash ?? DBNull.Value;
        p[17].Value = (object?)row.ScratchFirstVerifiedAtMs ?? DBNull.Value;
        p[18].Value = row.ScratchFailures;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static long? Long(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    private SqliteCommand Command(string sql, int parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = "$" + (char)('a' + i) });
            }

            command.Prepare();
            commands[sql] = command;
        }

        command.Transaction = Transaction;
        return command;
    }
}
