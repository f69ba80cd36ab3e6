using System.Security.Cryptography;

namespace TraceLedger.Packs;

/// <summary>
/// The system CSPRNG read in 64 KiB blocks: commissioning draws hundreds of thousands of serials and scratch codes,
/// and one call to the system generator per value costs more than the rest of the work. Bytes are served once each.
/// </summary>
internal sealed class BufferedRandom : RandomNumberGenerator
{
    private readonly byte[] block = new byte[64 * 1024];
    private int used;

    public BufferedRandom()
    {
        used = block.Length;
    }

    public override void GetBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        GetBytes(data.AsSpan());
    }

    public override void GetBytes(Span<byte> data)
    {
        while (data.Length > 0)
        {
            if (used == block.Length)
            {
                Fill(block);
                used = 0;
            }

            var n = Math.Min(data.Length, block.Length - used);
            block.AsSpan(used, n).CopyTo(data);
            CryptographicOperations.ZeroMemory(block.AsSpan(used, n));
            used += n;
            data = data[n..];
        }
    }

    public override void GetNonZeroBytes(byte[] data) => throw new NotSupportedException("Not needed for serials and scratch codes.");
}
