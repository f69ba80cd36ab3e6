using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;

namespace TraceLedger.Packs;

/// <summary>
/// Pack operations as signed hops (dispense, undo, ship, receive, pack, …): the hop goes through the log's
/// normal append path, where <see cref="PackRules"/> decides; this adds the refusal code and the packs' status.
/// </summary>
public sealed class PackService
{
    private readonly Ledger ledger;
    private readonly string connectionString;

    internal PackService(Ledger ledger)
    {
        this.ledger = ledger;
        connectionString = new SqliteConnectionStringBuilder { DataSource = ledger.DatabasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
    }

    /// <summary>Appends one signed hop and reports what the lifecycle made of it.</summary>
    public async Task<PackOperationResult> ApplyAsync(SignedHop hop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hop);
        var receipt = (await ledger.AppendAsync([hop], cancellationToken))[0];
        PackRefusal.TryParse(receipt, out var refusal);
        var statuses = new List<PackStatus>();
        foreach (var id in hop.Hop?.Identifiers ?? [])
        {
            if (await FindAsync(id, cancellationToken) is { } status)
            {
                statuses.Add(status);
            }
        }

        return new PackOperationResult(hop.Hop is null ? PackOperation.Unsupported : PackOperations.FromHop(hop.Hop), receipt, refusal, statuses);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> packs of a commissioned batch after the pack <paramref name="after"/> (from the
    /// start when null), in identifier order; null when the GTIN or the batch is not known. Keyset paging on
    /// <c>ix_packs_batch_identifier</c>: each page costs its own rows whatever its depth, where OFFSET walked every
    /// earlier row. <paramref name="withTotal"/> counts the batch (one pass over its index range), so ask only once.
    /// </summary>
    /// <exception cref="PackRequestException">The GTIN is not valid, or <paramref name="after"/> is not a pack of this batch.</exception>
    public async Task<BatchPacks?> BatchPacksAsync(string gtin, string lot, string? after, int limit, bool withTotal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (!Gtin.TryNormalize(gtin, out var gtin14))
        {
            throw new PackRequestException($"GTIN '{gtin}' is not a valid GTIN (8, 12, 13 or 14 digits with its check digit)");
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var batch = connection.CreateCommand();
        batch.CommandText = "SELECT b.id, b.expiry, p.owner_gln FROM batches b JOIN products p ON p.gtin = b.gtin WHERE b.gtin = $gtin AND b.lot = $lot;";
        batch.Parameters.AddWithValue("$gtin", gtin14);
        batch.Parameters.AddWithValue("$lot", lot);
        long batchId;
        string expiry, owner;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (batchId, expiry, owner) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        }

        // A cursor that is not one of this batch's packs would page some other key range silently: refuse it.
        if (after is not null && await ScalarAsync(connection, "SELECT 1 FROM packs WHERE identifier = $after AND batch_id = $id AND is_container = 0;", batchId, after, cancellationToken) is null)
        {
            throw new PackRequestException($"cursor 'after' ('{after}') is not a pack of batch {lot} of GTIN {gtin14}");
        }

        int? total = withTotal
            ? Convert.ToInt32(await ScalarAsync(connection, BatchTotalSql, batchId, null, cancellationToken), System.Globalization.CultureInfo.InvariantCulture)
            : null;
        await using var page = connection.CreateCommand();
        page.CommandText = after is null ? BatchFirstPageSql : BatchNextPageSql;
        page.Parameters.AddWithValue("$id", batchId);
        page.Parameters.AddWithValue("$after", (object?)after ?? DBNull.Value);
        // One row more than asked tells whether another page follows, without a count.
        page.Parameters.AddWithValue("$limit", (long)limit + 1);
        var identifiers = new List<string>(Math.Min(limit, 10_000) + 1);
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                identifiers.Add(reader.GetString(0));
            }
        }

        string? next = null;
        if (identifiers.Count > limit)
        {
            identifiers.RemoveAt(limit);
            next = identifiers[^1];
        }

        return new BatchPacks(gtin14, lot, expiry, owner, total, identifiers, next);
    }

    /// <summary>The first page of a batch's packs: <c>$id</c>, <c>$limit</c>.</summary>
    internal const string BatchFirstPageSql = "SELECT identifier FROM packs WHERE batch_id = $id AND is_container = 0 ORDER BY identifier LIMIT $limit;";

    /// <summary>A later page of a batch's packs: <c>$id</c>, <c>$after</c>, <c>$limit</c>.</summary>
    internal const string BatchNextPageSql = "SELECT identifier FROM packs WHERE batch_id = $id AND is_container = 0 AND identifier > $after ORDER BY identifier LIMIT $limit;";

    /// <summary>Packs in a batch: <c>$id</c>.</summary>
    internal const string BatchTotalSql = "SELECT COUNT(*) FROM packs WHERE batch_id = $id AND is_container = 0;";

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, long batchId, string? after, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", batchId);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$after", after);
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The status of a pack, case or pallet; null when unknown.</summary>
    public async Task<PackStatus?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using var table = new PackTable(connection);
        if (table.Find(identifier) is not { } row)
        {
            return null;
        }

        var batch = row.BatchId is { } id ? table.FindBatch(id) : null;
        return new PackStatus(
            row.Identifier,
            row.IsContainer,
            (PackState)row.State,
            row.HolderGln,
            row.DestinationGln,
            row.ParentId,
            batch?.Gtin,
            batch?.Lot,
            batch?.Expiry,
            row.DispensedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            row.DispensedLocation);
    }
}
