using System.Security.Cryptography;
using System.Text;

namespace TraceLedger.Packs;

/// <summary>
/// The server secret scratch-off codes are keyed with: a stored code is HMAC-SHA-256(secret, 16 digits), so a
/// copy of the database alone does not let anyone test codes offline.
/// </summary>
public sealed class ScratchSecret
{
    /// <summary>Bytes in a secret.</summary>
    public const int Size = 32;

    private readonly byte[] key;

    /// <summary>Wraps an existing secret (at least <see cref="Size"/> bytes).</summary>
    public ScratchSecret(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < Size)
        {
            throw new ArgumentException($"A scratch secret needs at least {Size} bytes.", nameof(key));
        }

        this.key = (byte[])key.Clone();
    }

    /// <summary>Reads the secret file, or creates it (random, mode 0600) when missing.</summary>
    public static ScratchSecret LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(Size);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            {
                stream.Write(fresh);
                stream.Flush(flushToDisk: true);
            }

            return new ScratchSecret(fresh);
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length >= Size ? new ScratchSecret(bytes) : throw new InvalidDataException($"Scratch secret {path} has {bytes.Length} bytes; at least {Size} are needed.");
    }

    /// <summary>The keyed hash stored for a code (its 16 canonical digits).</summary>
    public byte[] Hash(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(digits));
    }
}
