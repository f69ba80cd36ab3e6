using System.CommandLine;
using TraceLedger.Log;

namespace TraceLedger.Commands;

/// <summary>
/// <c>TraceLedger verify-log --db FILE [--log-key FILE]</c>: recomputes every leaf, rebuilds the tree, checks every
/// hop signature and every stored checkpoint. Exit 0 when clean, 1 when anything is off (the first tampered
/// entry is named), 2 when the file cannot be read.
/// </summary>
internal static class VerifyLogCommand
{
    public static Command Create()
    {
        var db = new Option<FileInfo>("--db") { Description = "The ledger's SQLite file", Required = true };
        var logKey = new Option<FileInfo?>("--log-key") { Description = "The log's public key (SPKI PEM or DER, or a verifier key); default: the key file beside the database" };
        var command = new Command("verify-log", "Check the whole log: leaves, tree, hop signatures and checkpoints.") { db, logKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var key = parse.GetValue(logKey) is { } file ? LogKeyFile.Read(file.FullName).PublicKey : null;
                var result = await LogAudit.RunAsync(parse.GetValue(db)!.FullName, cancellationToken, key);
                await Console.Out.WriteLineAsync(result.Summary);
                foreach (var problem in result.Problems.Skip(1).Take(50))
                {
                    await Console.Out.WriteLineAsync("  " + problem);
                }

                return result.Clean ? 0 : 1;
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync("verify-log: " + e.Message);
                return 2;
            }
        });
        return command;
    }
}
