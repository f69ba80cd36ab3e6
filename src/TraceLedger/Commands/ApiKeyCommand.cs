using System.CommandLine;
using TraceLedger.Storage;

namespace TraceLedger.Commands;

/// <summary>
/// <c>TraceLedger api-key --db FILE --owner NAME</c> creates a key for the registry endpoints and prints it once;
/// <c>--revoke KEYID</c> revokes one. Only a hash of the key is stored.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var db = new Option<FileInfo>("--db") { Description = "The ledger's SQLite file", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who gets the key (recorded for audit)" };
        var revoke = new Option<string?>("--revoke") { Description = "Revoke the key with this id (the part before the dot) instead" };
        var command = new Command("api-key", "Create or revoke an API key for the registry endpoints.") { db, owner, revoke };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = await LedgerStore.OpenAsync(parse.GetValue(db)!.FullName, cancellationToken);
            var keys = new ApiKeyStore(store, TimeProvider.System);
            if (parse.GetValue(revoke) is { } keyId)
            {
                var revoked = await keys.RevokeAsync(keyId, cancellationToken);
                await Console.Out.WriteLineAsync(revoked ? $"revoked {keyId}" : $"no key {keyId}");
                return revoked ? 0 : 1;
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(owner)))
            {
                await Console.Error.WriteLineAsync("api-key: give --owner NAME to create a key, or --revoke KEYID");
                return 2;
            }

            await Console.Out.WriteLineAsync(await keys.CreateAsync(parse.GetValue(owner)!, cancellationToken));
            return 0;
        });
        return command;
    }
}
