using TraceChain.Protocol.Scanning;

namespace TraceChain.Protocol.Tests.Scanning;

public sealed class SsiCodecTests
{
    public static TheoryData<string, SsiFrame, string> Vectors => SsiVectors.All();

    [Fact]
    public void Encode_Code128Abc_IsTheGoldenFrame()
    {
        var frame = SsiFrame.DecodeData(0x03, "ABC"u8);

        Assert.Equal("08F3000003414243FE3C", Convert.ToHexString(SsiCodec.Encode(frame)));
    }

    [Fact]
    public void Checksum_GoldenFrameBody_Is0xFE3C()
    {
        Assert.Equal(0xFE3C, SsiCodec.Checksum([0x08, 0xF3, 0x00, 0x00, 0x03, 0x41, 0x42, 0x43]));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_Vector_MatchesHandComputedBytes(string name, SsiFrame frame, string hex)
    {
        Assert.True(hex == Convert.ToHexString(SsiCodec.Encode(frame)), name);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decode_Vector_GivesTheFrame(string name, SsiFrame frame, string hex)
    {
        var frames = new List<SsiFrame>();
        var errors = new List<FramingError>();

        new SsiDecoder().Decode(Convert.FromHexString(hex), frames, errors);

        Assert.Empty(errors);
        Assert.True(frames.Count == 1 && frames[0] == frame, name);
    }

    [Fact]
    public void Frame_DataLongerThan251Bytes_IsRejectedWithLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SsiFrame(SsiOpcode.DecodeData, SsiSource.Decoder, SsiStatus.None, new byte[252]));

        Assert.Contains("252", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_MaximumFrame_HasLength0xFF()
    {
        var bytes = SsiCodec.Encode(new SsiFrame(SsiOpcode.DecodeData, SsiSource.Decoder, SsiStatus.None, new byte[SsiCodec.MaxDataLength]));

        Assert.Equal(0xFF, bytes[0]);
        Assert.Equal(257, bytes.Length);
    }

    [Fact]
    public void NakCause_OfNakFrame_IsItsDataByte()
    {
        Assert.Equal(SsiNakCause.Denied, SsiFrame.Nak(SsiSource.Host, SsiNakCause.Denied).NakCause);
        Assert.Null(SsiFrame.Ack(SsiSource.Host).NakCause);
    }
}
