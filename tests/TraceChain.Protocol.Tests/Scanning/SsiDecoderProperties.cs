using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TraceChain.Protocol.Scanning;

namespace TraceChain.Protocol.Tests.Scanning;

public sealed class SsiDecoderProperties
{
    private static readonly SsiOpcode[] Opcodes = Enum.GetValues<SsiOpcode>();

    [Property(MaxTest = 200)]
    public void EncodeThenDecode_InAnyChunking_GivesTheSameFrames(byte[][] payloads, int[] cuts, byte opcodeSeed, bool host)
    {
        var sent = (payloads ?? []).Where(p => p is not null).Select((p, i) => new SsiFrame(
            Opcodes[(opcodeSeed + i) % Opcodes.Length],
            host ? SsiSource.Host : SsiSource.Decoder,
            (SsiStatus)(i % 2),
            p.Take(SsiCodec.MaxDataLength).ToArray())).ToList();
        var stream = sent.SelectMany(SsiCodec.Encode).ToArray();

        var received = new List<SsiFrame>();
        var errors = new List<FramingError>();
        var decoder = new SsiDecoder();
        foreach (var chunk in Chunk(stream, cuts ?? []))
        {
            decoder.Decode(chunk, received, errors);
        }

        Assert.Empty(errors);
        Assert.Equal(sent, received);
        Assert.Equal(0, decoder.PendingByteCount);
    }

    [Property(MaxTest = 200)]
    public void Decode_RandomGarbage_NeverThrowsAndStaysBounded(byte[] garbage, int[] cuts)
    {
        var decoder = new SsiDecoder();
        var frames = new List<SsiFrame>();
        var errors = new List<FramingError>();

        foreach (var chunk in Chunk(garbage ?? [], cuts ?? []))
        {
            decoder.Decode(chunk, frames, errors);
        }

        Assert.InRange(decoder.PendingByteCount, 0, 256);
    }

    internal static IEnumerable<byte[]> Chunk(byte[] stream, int[] cuts)
    {
        var pos = 0;
        var i = 0;
        while (pos < stream.Length)
        {
            var size = cuts.Length == 0 ? stream.Length : 1 + (Math.Abs(cuts[i++ % cuts.Length] % 40));
            size = Math.Min(size, stream.Length - pos);
            yield return stream[pos..(pos + size)];
            pos += size;
        }
    }
}
