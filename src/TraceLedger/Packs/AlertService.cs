using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TraceLedger.Log;
using TraceLedger.Packs.Storage;

namespace TraceLedger.Packs;

/// <summary>Lists, filters and closes alerts (closing names a root cause).</summary>
public sealed class AlertService
{
    private readonly LogWriter log;
    private readonly PackRules rules;

    internal AlertService(LogWriter log, PackRules rules)
    {
        this.log = log;
        this.rules = rules;
    }

    /// <summary>Alerts matching <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        PackRequestException.Require(query.Limit is < 1 or > 1000 ? "limit must be 1-1000" : null);
        await using var connection = await log.Store.OpenConnectionAsync(cancellationToken);
        await using var context = PackSchema.CreateContext(connection);
        IQueryable<AlertRow> rows = context.Alerts.AsNoTracking();
        if (query.Code is { } code)
        {
            var wire = Alerts.WireName(code);
            rows = rows.Where(a => a.Code == wire);
        }

        if (query.Open is { } open)
        {
            rows = rows.Where(a => a.Closed != open);
        }

        if (query.Identifier is { } identifier)
        {
            rows = rows.Where(a => a.Identifier == identifier);
        }

        if (query.ActorGln is { } actor)
        {
            rows = rows.Where(a => a.ActorGln == actor);
        }

        var found = await rows.OrderByDescending(a => a.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return found.Select(ToAlert).ToList();
    }

    /// <summary>Closes an open alert with its root cause; throws <see cref="PackRequestException"/> when it is unknown or already closed.</summary>
    public Task CloseAsync(long id, RootCause cause, string? note, CancellationToken cancellationToken)
    {
        PackRequestException.Require(Enum.IsDefined(cause) ? null : $"root cause {(int)cause} is not defined");
        PackRequestException.Require(note is { Length: > 1000 } ? "note must be at most 1000 characters" : null);
        return log.WriteAsync(batch =>
        {
            var packs = rules.Bind(batch.Connection, batch.Transaction);
            PackRequestException.Require(packs.CloseAlert(id, cause, note, batch.ReceivedAtMs) ? null : $"alert {id} does not exist or is already closed");
            return 0;
        }, cancellationToken);
    }

    private static Alert ToAlert(AlertRow row) => new(
        row.Id,
        Alerts.ParseCode(row.Code) ?? throw new InvalidDataException($"alert {row.Id} has unknown code '{row.Code}'"),
        row.Identifier,
        row.ActorGln,
        row.LocationGln,
        DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs),
        row.Detail,
        Alerts.ParseRootCause(row.RootCause),
        row.ClosingNote,
        row.ClosedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
}
