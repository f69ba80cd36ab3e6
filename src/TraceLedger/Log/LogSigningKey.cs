using System.Security.Cryptography;

namespace TraceLedger.Log;

/// <summary>
/// The log's ECDSA P-256 key that signs checkpoints. Kept as a PKCS#8 PEM file readable by its owner only
/// (mode 0600); created on first use.
/// </summary>
public sealed class LogSigningKey : IDisposable
{
    private LogSigningKey(ECDsa key) => Key = key;

    /// <summary>The private key.</summary>
    public ECDsa Key { get; }

    /// <summary>SubjectPublicKeyInfo (DER) of the public half, as verifiers are given it.</summary>
    public byte[] PublicKeySpki => Key.ExportSubjectPublicKeyInfo();

    /// <summary>Loads the key at <paramref name="path"/>, or creates it there with mode 0600 when the file does not exist.</summary>
    public static LogSigningKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var key = ECDsa.Create();
        try
        {
            if (File.Exists(path))
            {
                key.ImportFromPem(File.ReadAllText(path));
                if (key.KeySize != 256)
                {
                    throw new InvalidOperationException($"The log key in {path} is not a P-256 key (size {key.KeySize}).");
                }
            }
            else
            {
                key.GenerateKey(ECCurve.NamedCurves.nistP256);
                Write(path, key.ExportPkcs8PrivateKeyPem());
            }

            return new LogSigningKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public void Dispose() => Key.Dispose();

    private static void Write(string path, string pem)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Created with 0600 from the start, so the key is never readable by others, not even briefly.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(pem);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
