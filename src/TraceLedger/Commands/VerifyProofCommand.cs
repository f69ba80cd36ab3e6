using System.CommandLine;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;

namespace TraceLedger.Commands;

/// <summary>
/// <c>TraceLedger verify-proof BUNDLE --log-key FILE [--origin NAME] [--device-key FILE]</c>: checks a proof bundle
/// offline. Exit 0 when it verifies, 1 when it does not, 2 when an input cannot be read.
/// </summary>
internal static class VerifyProofCommand
{
    public static Command Create()
    {
        var bundle = new Argument<FileInfo>("bundle") { Description = "Proof bundle JSON (GET /v1/entries/{seq}/bundle)" };
        var logKey = new Option<FileInfo>("--log-key") { Description = "The log's public key: SPKI PEM or DER, or a verifier key line", Required = true };
        var origin = new Option<string?>("--origin") { Description = "Expected log origin (default: the verifier key's name, else the checkpoint's)" };
        var deviceKey = new Option<FileInfo?>("--device-key") { Description = "Also check the hop signature with this device key (SPKI PEM or DER)" };
        var command = new Command("verify-proof", "Check a proof bundle offline against the log's public key.") { bundle, logKey, origin, deviceKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var parsed = ProofBundle.Parse(await File.ReadAllBytesAsync(parse.GetValue(bundle)!.FullName, cancellationToken));
                var key = LogKeyFile.Read(parse.GetValue(logKey)!.FullName);
                using var logPublic = key.PublicKey;
                var name = parse.GetValue(origin) ?? key.Origin ?? CheckpointOrigin(parsed);
                using var device = parse.GetValue(deviceKey) is { } file ? LogKeyFile.Read(file.FullName).PublicKey : null;
                var result = ProofBundleVerifier.Verify(parsed, NoteVerifier.Create(name, logPublic), device);
                await Console.Out.WriteLineAsync(result.IsValid
                    ? $"verified: entry {parsed.LeafIndex} is in {name} at tree size {result.Checkpoint!.TreeSize}" + (result.Hop is { } hop ? $" (hop from {hop.Hop.DeviceId}, counter {hop.Hop.Counter})" : "")
                    : $"NOT verified: {result.Reason}");
                return result.IsValid ? 0 : 1;
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or ArgumentException)
            {
                await Console.Error.WriteLineAsync("verify-proof: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    private static string CheckpointOrigin(ProofBundle bundle)
    {
        var note = SignedNote.Parse(bundle.Checkpoint);
        return Checkpoint.Parse(note.Text).Origin;
    }
}
