using System.Globalization;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Hops;
using TraceLedger.Log;
using TraceLedger.Packs.Storage;

namespace TraceLedger.Packs;

/// <summary>
/// The pack lifecycle on the log's append hook: each verified hop is checked against the packs it names
/// (<see cref="PackTransitions"/>) and, when allowed, applied to the pack tables in the same transaction, so the
/// log and the pack states commit together and later hops of the batch see the earlier ones. Refusals carry the
/// <see cref="PackRefusal"/> text; suspicious refusals (diversion, second dispense, …) raise alerts.
/// </summary>
public sealed class PackRules(PackPolicy policy, TimeProvider time) : IHopRule
{
    private PackTable? table;

    /// <summary>The policy the rules apply.</summary>
    public PackPolicy Policy { get; } = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>The ledger clock (expiry, undo window, alert times).</summary>
    public TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));

    /// <inheritdoc />
    public string? Evaluate(HopRuleContext context, VerifiedHop hop)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(hop);
        var packs = Bind(context.Connection, context.Transaction);
        return Apply(packs, hop)?.ToString();
    }

    /// <inheritdoc />
    public void Committed(IReadOnlyList<VerifiedHop> stored)
    {
        // Pack state lives in the tables written inside the transaction; there is no cache to refresh.
    }

    /// <summary>The pack tables on the writer's connection, bound to its current transaction (writer lock held).</summary>
    internal PackTable Bind(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (table?.Connection != connection)
        {
            table?.Dispose();
            // The writer keeps SQLite's default page cache (2 MiB). A 64 MiB cache made commissioning about 20 %
            // faster, but SQLite walks the cache's whole hash table at the end of every commit once it is that
            // large: 4-5 % of all CPU under verify over HTTP, on the single writer's thread. Pages it misses come
            // from the OS's cache.
            table = new PackTable(connection);
        }

        table.Transaction = transaction;
        return table;
    }

    private PackRefusal? Apply(PackTable packs, VerifiedHop verified)
    {
        var hop = verified.Signed.Hop;
        var operation = PackOperations.FromHop(hop);
        var now = Time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        if (operation == PackOperation.Unsupported)
        {
            return new PackRefusal(PackRefusalCode.UnsupportedOperation, $"{CbvVocabulary.ToWire(hop.BizStep)} with disposition {CbvVocabulary.ToWire(hop.Disposition)} is not a pack operation (commissioning goes through the commissioning service)");
        }

        var actor = packs.Party(verified.PartyGln);
        var targets = new List<PackRow>(hop.Identifiers.Count);
        foreach (var id in hop.Identifiers)
        {
            if (packs.Find(id) is not { } row)
            {
                packs.InsertAlert(AlertCode.UnknownSerial, id, verified.PartyGln, hop.Location, nowMs, $"{CbvVocabulary.ToWire(hop.BizStep)} of a pack that was never commissioned");
                return new PackRefusal(PackRefusalCode.UnknownPack, $"{id} was never commissioned");
            }

            targets.Add(row);
        }

        PackRow? parent = null;
        if (operation is PackOperation.Pack or PackOperation.Unpack)
        {
            parent = packs.Find(hop.Parent!);
            if (ParentProblem(packs, operation, parent, hop, verified.PartyGln, targets) is { } problem)
            {
                return problem;
            }
        }

        var batches = new Dictionary<long, BatchRow?>();
        foreach (var row in targets)
        {
            var facts = Facts(packs, row, batches, verified, actor, now);
            if (PackTransitions.Check(operation, facts, Policy) is { } refusal)
            {
                RaiseFor(packs, refusal, operation, row, verified, nowMs);
                return refusal with { Detail = $"{row.Identifier} {refusal.Detail}" };
            }
        }

        if (operation == PackOperation.Pack && parent is null)
        {
            parent = new PackRow { Identifier = hop.Parent!, IsContainer = true, State = (int)PackState.Active, StateAtMs = nowMs, HolderGln = verified.PartyGln };
            packs.Insert(parent);
        }

        foreach (var row in targets)
        {
            Change(row, operation, hop, verified.PartyGln, nowMs);
            Sightings.Record(packs, row, actor, hop.EventTime, now, Policy);
            packs.Update(row);
            if (row.IsContainer && operation is PackOperation.Ship or PackOperation.Receive or PackOperation.VoidShipment or PackOperation.ReportStolen or PackOperation.Destroy)
            {
                // Moving or losing a parent moves or loses everything inside it, at any depth.
                foreach (var inner in packs.Descendants(row.Identifier))
                {
                    var child = packs.Find(inner)!;
                    Change(child, operation, hop, verified.PartyGln, nowMs);
                    packs.Update(child);
                }
            }
        }

        return null;
    }

    private static PackRefusal? ParentProblem(PackTable packs, PackOperation operation, PackRow? parent, Hop hop, string actor, List<PackRow> targets)
    {
        if (parent is null)
        {
            return operation == PackOperation.Unpack ? new PackRefusal(PackRefusalCode.UnknownPack, $"{hop.Parent} is not a known container") : null;
        }

        if (!parent.IsContainer)
        {
            return new PackRefusal(PackRefusalCode.NotApplicableToContainer, $"{parent.Identifier} is a pack, not a case or pallet");
        }

        if (operation == PackOperation.Unpack)
        {
            return null;
        }

        if (parent.HolderGln != actor || parent.State != (int)PackState.Active)
        {
            return new PackRefusal(PackRefusalCode.NotHolder, $"container {parent.Identifier} is not active at {actor}");
        }

        // A container may not end up inside itself: walk up from the new parent.
        var ids = targets.Select(t => t.Identifier).ToHashSet(StringComparer.Ordinal);
        for (var up = parent; up is not null; up = up.ParentId is { } next ? packs.Find(next) : null)
        {
            if (ids.Contains(up.Identifier))
            {
                return new PackRefusal(PackRefusalCode.AggregationCycle, $"{up.Identifier} would end up inside itself");
            }
        }

        return null;
    }

    private PackFacts Facts(PackTable packs, PackRow row, Dictionary<long, BatchRow?> batches, VerifiedHop verified, PartyInfo? actor, DateTimeOffset now)
    {
        BatchRow? batch = null;
        if (row.BatchId is { } batchId && !batches.TryGetValue(batchId, out batch))
        {
            batch = batches[batchId] = packs.FindBatch(batchId);
        }

        var hop = verified.Signed.Hop;
        return new PackFacts(
            (PackState)row.State,
            row.IsContainer,
            row.HolderGln,
            row.DestinationGln,
            row.ParentId,
            row.DispensedLocation,
            row.DispensedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            batch?.RecalledAtMs is not null,
            batch?.WithdrawnAtMs is not null,
            batch is not null && BatchDates.IsExpired(batch.ExpiresOn, now),
            verified.PartyGln,
            actor?.Role,
            hop.Location,
            hop.Destination,
            hop.Parent,
            now);
    }

    private static void RaiseFor(PackTable packs, PackRefusal refusal, PackOperation operation, PackRow row, VerifiedHop verified, long nowMs)
    {
        var hop = verified.Signed.Hop;
        var code = refusal.Code switch
        {
            PackRefusalCode.NoMatchingShipment => AlertCode.ReceiptWithoutShipment,
            PackRefusalCode.NotShipmentDestination => AlertCode.Diversion,
            PackRefusalCode.AlreadyDispensed when operation == PackOperation.Dispense && row.DispensedLocation != hop.Location => AlertCode.SecondDispense,
            _ => (AlertCode?)null,
        };
        if (code is { } alert)
        {
            packs.InsertAlert(alert, row.Identifier, verified.PartyGln, hop.Location, nowMs, string.Create(CultureInfo.InvariantCulture, $"{CbvVocabulary.ToWire(hop.BizStep)} refused: {refusal.Detail}"));
        }
    }

    private static void Change(PackRow row, PackOperation operation, Hop hop, string actor, long nowMs)
    {
        var next = PackTransitions.Next(operation, (PackState)row.State);
        if ((int)next != row.State)
        {
            row.State = (int)next;
            row.StateAtMs = nowMs;
        }

        switch (operation)
        {
            case PackOperation.Ship:
                row.DestinationGln = hop.Destination;
                break;
            case PackOperation.Receive:
                row.HolderGln = actor;
                row.DestinationGln = null;
                break;
            case PackOperation.VoidShipment:
                row.DestinationGln = null;
                break;
            case PackOperation.Pack:
                row.ParentId = hop.Parent;
                break;
            case PackOperation.Unpack:
                row.ParentId = null;
                break;
            case PackOperation.Dispense:
                row.DispensedAtMs = nowMs;
                row.DispensedLocation = hop.Location;
                row.DispensedBy = actor;
                row.ParentId = null;
                break;
            case PackOperation.UndoDispense:
                row.DispensedAtMs = null;
                row.DispensedLocation = null;
                row.DispensedBy = null;
                break;
            case PackOperation.Sample or PackOperation.Export:
                row.ParentId = null;
                break;
        }
    }
}
