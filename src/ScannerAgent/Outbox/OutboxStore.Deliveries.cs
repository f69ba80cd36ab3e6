using System.Globalization;

namespace ScannerAgent.Outbox;

/// <summary>The delivery identities stored with hops (<see cref="MqttDelivery"/>): look-up, forgetting, pruning.</summary>
public sealed partial class OutboxStore
{
    /// <summary>
    /// The outbox entry that the session's last committed delivery with <paramref name="delivery"/>'s packet id
    /// became, when that delivery had the same topic and payload; otherwise null.
    /// </summary>
    public OutboxEntry? FindDelivery(MqttDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (_sync)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT d.topic, d.payload_sha256, o.counter, o.scanner, o.identifier, o.workflow, o.entry
                FROM mqtt_delivery d JOIN outbox o ON o.counter = d.counter
                WHERE d.session = $s AND d.packet_id = $p
                """;
            command.Parameters.AddWithValue("$s", delivery.Session);
            command.Parameters.AddWithValue("$p", (int)delivery.PacketId);
            using var reader = command.ExecuteReader();
            if (!reader.Read() || !delivery.SameContent(reader.GetString(0), (byte[])reader.GetValue(1)))
            {
                return null;
            }

            return new OutboxEntry(reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), (byte[])reader.GetValue(6));
        }
    }

    /// <summary>
    /// The outbox entry an earlier delivery of the same self-identifying payload on the same topic became
    /// (<see cref="MqttDelivery.IdentifiesScan"/>), or null.
    /// </summary>
    public OutboxEntry? FindScan(MqttDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.IdentifiesScan)
        {
            return null;
        }

        lock (_sync)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT o.counter, o.scanner, o.identifier, o.workflow, o.entry
                FROM mqtt_scan s JOIN outbox o ON o.counter = s.counter
                WHERE s.topic = $t AND s.payload_sha256 = $h
                """;
            command.Parameters.AddWithValue("$t", delivery.Topic);
            command.Parameters.AddWithValue("$h", delivery.PayloadHash);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (byte[])reader.GetValue(4)) : null;
        }
    }

    /// <summary>
    /// Durably forgets the deliveries of <paramref name="session"/> (the broker started a new session) whose hops have
    /// counters up to <paramref name="throughCounter"/>: those stored before the new session began.
    /// </summary>
    public void ForgetDeliveries(string session, long throughCounter = long.MaxValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(session);
        lock (_sync)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM mqtt_delivery WHERE session = $s AND counter <= $c";
            command.Parameters.AddWithValue("$s", session);
            command.Parameters.AddWithValue("$c", throughCounter);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Durably forgets the session's delivery with <paramref name="delivery"/>'s packet id (the broker has reused the id).</summary>
    public void ForgetDelivery(MqttDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (_sync)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM mqtt_delivery WHERE session = $s AND packet_id = $p";
            command.Parameters.AddWithValue("$s", delivery.Session);
            command.Parameters.AddWithValue("$p", (int)delivery.PacketId);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Durably forgets the delivery identities (tables <c>mqtt_delivery</c>, <c>mqtt_scan</c>) of hops created more
    /// than <paramref name="retention"/> before the newest hop, or before <paramref name="now"/> if that is earlier.
    /// Counting from the newest hop, not only the clock, keeps an agent that was down longer than the retention able to
    /// recognise the redeliveries and left-over files of its last run. Returns how many identities were forgotten.
    /// </summary>
    public int PruneDeliveries(TimeSpan retention, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        lock (_sync)
        {
            using var newest = _connection.CreateCommand();
            newest.CommandText = "SELECT max(created_utc) FROM outbox";
            if (newest.ExecuteScalar() is not string last)
            {
                return 0;
            }

            var reference = DateTimeOffset.Parse(last, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var cutoff = (reference < now ? reference : now) - retention;
            using var transaction = _connection.BeginTransaction();
            var deleted = 0;
            foreach (var table in (string[])["mqtt_delivery", "mqtt_scan"])
            {
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;

                // created_utc is ISO 8601 UTC with 7 fraction digits ("O"), so text order is time order.
                command.CommandText = $"DELETE FROM {table} WHERE counter IN (SELECT counter FROM outbox WHERE created_utc < $t)";
                command.Parameters.AddWithValue("$t", cutoff.UtcDateTime.ToString("O"));
                deleted += command.ExecuteNonQuery();
            }

            transaction.Commit();
            return deleted;
        }
    }
}
