using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// A prepared INSERT for one entity of the ledger's EF Core model: table and column names, and the value
/// conversions (enums, strings for roles, booleans), come from the model itself, so the bulk builder restates
/// no schema and follows any migration that renames or adds a column. Rows are bound and stepped through the
/// raw SQLite API on the connection's handle (ADO.NET's per-command reader and parameter objects cost more than
/// the insert itself at tens of millions of rows); they join whatever transaction the connection has open.
/// </summary>
/// <typeparam name="TRow">The entity class (e.g. <c>EntryRow</c>, <c>PackRow</c>).</typeparam>
public sealed class ModelTable<TRow> : IDisposable
    where TRow : class
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;
    private readonly (Func<TRow, object?> Get, Func<object?, object?>? ToProvider)[] columns;

    /// <summary>Prepares the insert on <paramref name="connection"/> from the entity <typeparamref name="TRow"/> of <paramref name="model"/>.</summary>
    public ModelTable(DbContext model, SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        TableName = TableOf(model);
        var properties = model.Model.FindEntityType(typeof(TRow))!.GetProperties().ToArray();
        columns = [.. properties.Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            return ((Func<TRow, object?>)getter.GetClrValue, converter is null ? null : (Func<object?, object?>)converter.ConvertToProvider);
        })];
        ColumnNames = [.. properties.Select(p => p.GetColumnName())];
        var sql = $"INSERT INTO \"{TableName}\" ({string.Join(", ", ColumnNames.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", ColumnNames.Select(_ => "?"))});";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
    }

    /// <summary>The table's name in the model.</summary>
    public string TableName { get; }

    /// <summary>The mapped column names, in the model's property order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The table <typeparamref name="TRow"/> is mapped to in <paramref name="model"/>.</summary>
    public static string TableOf(DbContext model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entity = model.Model.FindEntityType(typeof(TRow))
            ?? throw new ArgumentException($"{typeof(TRow).Name} is not an entity of {model.GetType().Name}.", nameof(model));
        return entity.GetTableName() ?? throw new ArgumentException($"{typeof(TRow).Name} is not mapped to a table.", nameof(model));
    }

    /// <summary>Inserts one row.</summary>
    public void Insert(TRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var i = 0; i < columns.Length; i++)
        {
            var (get, toProvider) = columns[i];
            var value = get(row);
            if (value is not null && toProvider is not null)
            {
                value = toProvider(value);
            }

            var index = i + 1;
            Check(value switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                long v => raw.sqlite3_bind_int64(statement, index, v),
                int v => raw.sqlite3_bind_int64(statement, index, v),
                bool v => raw.sqlite3_bind_int64(statement, index, v ? 1 : 0),
                double v => raw.sqlite3_bind_double(statement, index, v),
                string v => raw.sqlite3_bind_text(statement, index, v),
                byte[] v => raw.sqlite3_bind_blob(statement, index, v),
                _ => throw new NotSupportedException($"{TableName}: no binding for a {value.GetType().Name} column value."),
            });
        }

        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            throw new InvalidOperationException($"Insert into {TableName} failed: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}");
        }
    }

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite error {result} on {TableName}: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}");
        }
    }
}
