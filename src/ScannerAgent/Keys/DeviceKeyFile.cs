using System.Security.Cryptography;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Keys;

/// <summary>The device's P-256 private key as a PKCS#8 PEM file, readable by its owner only.</summary>
public static class DeviceKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes a fresh key to <paramref name="path"/>. The file is created with mode 0600 (never world-readable,
    /// not even briefly). An existing file is kept unless <paramref name="force"/>.
    /// </summary>
    /// <exception cref="IOException">The file exists and <paramref name="force"/> is false.</exception>
    public static ECDsa Create(string path, bool force)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            if (!force)
            {
                throw new IOException($"{path} already exists; pass --force to replace the device key (the old key's registration becomes useless)");
            }

            File.Delete(path);
        }

        var key = DeviceKeys.Create();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        return key;
    }

    /// <summary>Reads the key; throws <see cref="InvalidDataException"/> naming the file when it is not a P-256 PKCS#8 PEM key.</summary>
    public static ECDsa Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"device key {path} does not exist; create it with 'ScannerAgent keygen --key {path}'", path);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new InvalidDataException($"device key {path} is not a P-256 key");
            }

            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidDataException($"device key {path} is not a PKCS#8 PEM EC private key: {e.Message}", e);
        }
        catch (InvalidDataException)
        {
            key.Dispose();
            throw;
        }
    }
}
