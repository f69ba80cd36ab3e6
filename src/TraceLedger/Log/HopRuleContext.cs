using Microsoft.Data.Sqlite;

namespace TraceLedger.Log;

/// <summary>What a rule may use while a batch is being appended: the writer's connection and open transaction.</summary>
public sealed record HopRuleContext(SqliteConnection Connection, SqliteTransaction Transaction);
