using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TraceChain.Bench;

/// <summary>
/// Measures what one durable SQLite commit (WAL, synchronous=FULL, one small row) costs on the disk under the scratch
/// folder: the floor of any design that commits once per request, so missed throughput goals can be read against it.
/// </summary>
public static class DurableCommitProbe
{
    /// <summary>Median milliseconds of <paramref name="commits"/> single-row durable commits.</summary>
    public static double MedianCommitMs(string directory, int commits)
    {
        var path = Path.Combine(directory, "commit-probe.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE probe(id INTEGER PRIMARY KEY, body TEXT)");
            var times = new double[commits];
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO probe(body) VALUES ('verification')";
            for (var i = 0; i < commits; i++)
            {
                var watch = Stopwatch.StartNew();
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                insert.ExecuteNonQuery();
                transaction.Commit();
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            return Measure.MedianOf(times);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
