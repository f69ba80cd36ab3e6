using Microsoft.Data.Sqlite;
using ScannerAgent.Agent;

namespace ScannerAgent.Outbox;

/// <summary>
/// Keeps the delivery identities (<see cref="MqttDelivery"/>) from growing for ever: forgets those past the retention
/// (<see cref="OutboxStore.PruneDeliveries"/>): the agent calls <see cref="Prune"/> at start, then runs <see cref="RunAsync"/>. A delivery is
/// redelivered right after the agent reconnects and a left-over file is processed at the next start, so an identity
/// days old guards against nothing.
/// </summary>
public sealed class DeliveryPruner(OutboxStore outbox, TimeSpan retention, AgentLog log, TimeProvider time)
{
    /// <summary>Time between prunes.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    /// <summary>Prunes every <see cref="Interval"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, time, cancellationToken);
                Prune();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Prunes once; returns how many identities were forgotten (0 when the outbox could not be written).</summary>
    public int Prune()
    {
        try
        {
            var forgotten = outbox.PruneDeliveries(retention, time.GetUtcNow());
            if (forgotten > 0)
            {
                log.Write("outbox", $"forgot {forgotten} delivery identities older than {retention.TotalHours:0.#} h");
            }

            return forgotten;
        }
        catch (SqliteException e)
        {
            // E.g. the file is locked for a moment: the identities stay until the next prune, nothing is lost.
            log.Write("outbox", $"delivery identities not pruned: {e.Message}");
            return 0;
        }
    }
}
