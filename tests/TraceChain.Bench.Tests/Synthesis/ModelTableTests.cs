using Microsoft.Data.Sqlite;
using TraceChain.Bench.Synthesis;
using TraceLedger.Packs.Storage;
using TraceLedger.Storage;

namespace TraceChain.Bench.Tests.Synthesis;

public sealed class ModelTableTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tc-synth-model-");

    [Fact]
    public async Task Columns_FromTheModel_AreExactlyTheMigratedTablesColumns()
    {
        var store = await LedgerStore.OpenAsync(Path.Combine(directory.FullName, "model.db"), CancellationToken.None);
        await using var connection = await store.OpenConnectionAsync(CancellationToken.None);
        await PackSchema.MigrateAsync(connection, CancellationToken.None);
        await using var log = store.CreateContext(connection);
        await using var lifecycle = PackSchema.CreateContext(connection);
        using var entries = new ModelTable<EntryRow>(log, connection);
        using var nodes = new ModelTable<TreeNodeRow>(log, connection);
        using var packs = new ModelTable<PackRow>(lifecycle, connection);
        using var batches = new ModelTable<BatchRow>(lifecycle, connection);
        using var products = new ModelTable<ProductRow>(lifecycle, connection);
        foreach (var (table, columns) in new[] { (entries.TableName, entries.ColumnNames), (nodes.TableName, nodes.ColumnNames), (packs.TableName, packs.ColumnNames), (batches.TableName, batches.ColumnNames), (products.TableName, products.ColumnNames) })
        {
            await using var info = connection.CreateCommand();
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}');";
            var stored = new List<string>();
            await using (var reader = await info.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored.Add(reader.GetString(0));
                }
            }

            Assert.Equal(stored.Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Insert_AFailingRow_ThrowsNamingTheTable()
    {
        var store = await LedgerStore.OpenAsync(Path.Combine(directory.FullName, "dup.db"), CancellationToken.None);
        await using var connection = await store.OpenConnectionAsync(CancellationToken.None);
        await using var log = store.CreateContext(connection);
        using var nodes = new ModelTable<TreeNodeRow>(log, connection);
        nodes.Insert(new TreeNodeRow { Level = 1, Index = 0, Hash = new byte[32] });
        var error = Assert.Throws<InvalidOperationException>(() => nodes.Insert(new TreeNodeRow { Level = 1, Index = 0, Hash = new byte[32] }));
        Assert.Contains("tree_nodes", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}
