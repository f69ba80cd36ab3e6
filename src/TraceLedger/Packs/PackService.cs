using Microsoft.Data.Sqlite;
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
