using System.Security.Cryptography;
using System.Text;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Signing;

namespace TraceLedger.Commands;

/// <summary>
/// A log public key file as users have it: a C2SP verifier key line (<c>name+id+base64</c>), an SPKI PEM
/// ("PUBLIC KEY"), a private key PEM (the public half is used), or raw DER SPKI.
/// </summary>
internal sealed record LogKeyFile(ECDsa PublicKey, string? Origin)
{
    public static LogKeyFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(bytes).Trim();
        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(text);
            }
            catch (ArgumentException e)
            {
                key.Dispose();
                throw new FormatException($"{path} holds no EC key PEM: {e.Message}", e);
            }

            return new LogKeyFile(DeviceKeys.ImportPublicKey(key.ExportSubjectPublicKeyInfo()), null);
        }

        if (text.Contains('+', StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal))
        {
            var parts = text.Split('+', 3);
            _ = NoteVerifier.Parse(text);
            var blob = Convert.FromBase64String(parts[2]);
            return new LogKeyFile(DeviceKeys.ImportPublicKey(blob.AsSpan(1)), parts[0]);
        }

        return new LogKeyFile(DeviceKeys.ImportPublicKey(bytes), null);
    }
}
