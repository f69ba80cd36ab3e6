using System.Buffers.Binary;
using System.IO.Compression;
namespace TraceChain.Imaging.Frames;

/// <summary>
/// Pure: writes an 8-bit grayscale image as a PNG file (one IDAT, "Sub" row filter, zlib). The native shim only
/// writes PNGs of labels; camera frames and simulated photos are made in C#, so they are written here.
/// </summary>
public static class GrayPngEncoder
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>The PNG file bytes of <paramref name="image"/>.</summary>
    public static byte[] Encode(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8; // bit depth
        header[9] = 0; // colour type: grayscale
        WriteChunk(file, "IHDR"u8, header);
        WriteChunk(file, "IDAT"u8, Compress(image));
        WriteChunk(file, "IEND"u8, []);
        return file.ToArray();
    }

    private static byte[] Compress(GrayImage image)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[image.Width + 1];
            row[0] = 1; // filter "Sub": each byte minus its left neighbour
            for (var y = 0; y < image.Height; y++)
            {
                var pixels = image.Pixels.AsSpan(y * image.Width, image.Width);
                row[1] = pixels[0];
                for (var x = 1; x < pixels.Length; x++)
                {
                    row[x + 1] = (byte)(pixels[x] - pixels[x - 1]);
                }

                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream file, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        file.Write(type);
        file.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        file.Write(word);
    }

    // CRC-32 (ISO 3309, reflected 0xEDB88320) as the PNG specification defines it.
    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
