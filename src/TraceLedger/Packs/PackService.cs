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
    /// Up to <paramref name="limit"/> packs of a commissioned batch from position <paramref name="offset"/>, in identifier
    /// order (stable across calls, so pages do not overlap); null when the GTIN or the batch is not known.
    /// </summary>
    public async Task<BatchPacks?> BatchPacksAsync(string gtin, string lot, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (!Gtin.TryNormalize(gtin, out var gtin14))
        {
            throw new PackRequestException($"GTIN '{gtin}' is not a valid GTIN (8, 12, 13 or 14 digits with its check digit)");
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var batch = connection.CreateCommand();
        batch.CommandText = "SELECT b.id, b.expiry, p.owner_gln, (SELECT COUNT(*) FROM packs WHERE batch_id = b.id AND is_container = 0) " +
                            "FROM batches b JOIN products p ON p.gtin = b.gtin WHERE b.gtin = $gtin AND b.lot = $lot;";
        batch.Parameters.AddWithValue("$gtin", gtin14);
        batch.Parameters.AddWithValue("$lot", lot);
        long batchId;
        string expiry, owner;
        int total;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (batchId, expiry, owner, total) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
        }

        await using var page = connection.CreateCommand();
        page.CommandText = "SELECT identifier FROM packs WHERE batch_id = $id AND is_container = 0 ORDER BY identifier LIMIT $limit OFFSET $offset;";
        page.Parameters.AddWithValue("$id", batchId);
        page.Parameters.AddWithValue("$limit", limit);
        page.Parameters.AddWithValue("$offset", offset);
        var identifiers = new List<string>(Math.Min(limit, Math.Max(0, total - offset)));
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                identifiers.Add(reader.GetString(0));
            }
        }

        return new BatchPacks(gtin14, lot, expiry, owner, total, offset, identifiers);
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
