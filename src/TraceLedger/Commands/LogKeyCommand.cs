using System.CommandLine;
using TraceLedger.Log;

namespace TraceLedger.Commands;

/// <summary><c>TraceLedger log-key --key FILE [--origin NAME]</c>: prints the log's public key (SPKI PEM) and its C2SP verifier key line.</summary>
internal static class LogKeyCommand
{
    public static Command Create()
    {
        var key = new Option<FileInfo>("--key") { Description = "The log's signing key file (<db>.key)", Required = true };
        var origin = new Option<string>("--origin") { Description = "Log name in checkpoints", DefaultValueFactory = _ => LedgerOptions.DefaultOrigin };
        var command = new Command("log-key", "Print the log's public key for verifiers.") { key, origin };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(key)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"log-key: no key file at {file.FullName}");
                return 2;
            }

            using var signing = LogSigningKey.LoadOrCreate(file.FullName);
            var signer = new TraceChain.Protocol.Checkpoints.NoteSigner(parse.GetValue(origin)!, signing.Key);
            await Console.Out.WriteLineAsync(signing.Key.ExportSubjectPublicKeyInfoPem());
            await Console.Out.WriteLineAsync(signer.VerifierKey);
            return 0;
        });
        return command;
    }
}
