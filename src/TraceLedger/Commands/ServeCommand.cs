using System.CommandLine;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceLedger.Commands;

/// <summary><c>TraceLedger serve --db FILE [--urls URL] [--key FILE] [--origin NAME] [--log-only]</c>: the ledger (with the pack lifecycle unless --log-only) as an HTTP service.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<FileInfo>("--db") { Description = "The ledger's SQLite file (created if missing)", Required = true };
        var urls = new Option<string>("--urls") { Description = "Address to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var key = new Option<FileInfo?>("--key") { Description = "Checkpoint signing key (PKCS#8 PEM, created with mode 0600); default: <db>.key" };
        var origin = new Option<string>("--origin") { Description = "Log name in checkpoints", DefaultValueFactory = _ => LedgerOptions.DefaultOrigin };
        var logOnly = new Option<bool>("--log-only") { Description = "Serve the log without the pack lifecycle (no pack rules on append, no pack endpoints)" };
        var command = new Command("serve", "Run the ledger as an HTTP service.") { db, urls, key, origin, logOnly };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LedgerOptions(parse.GetValue(db)!.FullName, parse.GetValue(key)?.FullName, parse.GetValue(origin)!);
            if (parse.GetValue(logOnly))
            {
                await using var log = await Ledger.OpenAsync(options, cancellationToken);
                return await ServeAsync(log, LedgerHttpApp.Build(log, parse.GetValue(urls)!), cancellationToken);
            }

            // The pack lifecycle runs on the append hook; its scratch-code key sits next to the database.
            var secret = ScratchSecret.LoadOrCreate(options.DatabasePath + ".scratch");
            await using var packs = await PackLedger.OpenAsync(new PackLedgerOptions(options, secret), cancellationToken);
            return await ServeAsync(packs.Ledger, LedgerHttpApp.Build(packs, parse.GetValue(urls)!), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ServeAsync(Ledger ledger, WebApplication built, CancellationToken cancellationToken)
    {
        await using var app = built;
        await app.StartAsync(cancellationToken);
        await Console.Out.WriteLineAsync($"TraceLedger serving {ledger.DatabasePath} on {string.Join(", ", app.Urls)}; tree size {ledger.Checkpoint.TreeSize}; log key {ledger.Signer.VerifierKey}");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
