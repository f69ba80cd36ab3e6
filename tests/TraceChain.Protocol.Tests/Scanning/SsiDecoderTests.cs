using TraceChain.Protocol.Scanning;

namespace TraceChain.Protocol.Tests.Scanning;

public sealed class SsiDecoderTests
{
    private static readonly byte[] Golden = Convert.FromHexString("08F3000003414243FE3C");

    private readonly SsiDecoder _decoder = new();
    private readonly List<SsiFrame> _frames = [];
    private readonly List<FramingError> _errors = [];

    [Fact]
    public void Decode_ByteAtATime_YieldsFrameOnlyWhenComplete()
    {
        for (var i = 0; i < Golden.Length - 1; i++)
        {
            _decoder.Decode(Golden.AsSpan(i, 1), _frames, _errors);
            Assert.Empty(_frames);
        }

        _decoder.Decode(Golden.AsSpan(^1), _frames, _errors);

        Assert.Equal("ABC"u8.ToArray(), _frames.Single().Data.Span[1..].ToArray());
        Assert.Empty(_errors);
        Assert.Equal(0, _decoder.PendingByteCount);
    }

    [Fact]
    public void Decode_GarbageBeforeFrame_SkipsItAndReportsGarbage()
    {
        _decoder.Decode([0x00, 0x01, 0xFF, 0x02, .. Golden], _frames, _errors);

        Assert.Single(_frames);
        var error = Assert.Single(_errors);
        Assert.Equal(FramingErrorKind.Garbage, error.Kind);
        Assert.Equal(4, error.ByteCount);
    }

    [Fact]
    public void Decode_StrayPlausibleLengthBeforeFrame_DoesNotWaitForTheBogusLength()
    {
        // 0x40 would announce a 66-byte frame; the real frame right after it must still come out at once.
        _decoder.Decode([0x40, 0x00, .. Golden], _frames, _errors);

        Assert.Single(_frames);
        Assert.Equal(0, _decoder.PendingByteCount);
    }

    [Fact]
    public void Decode_BadChecksum_ReportsItThenDecodesTheResentFrame()
    {
        var damaged = Golden.ToArray();
        damaged[^1] ^= 0x55;
        var resent = SsiCodec.Encode(SsiFrame.DecodeData(0x03, "ABC"u8).AsRetransmit());

        _decoder.Decode(damaged, _frames, _errors);
        Assert.Empty(_frames);
        Assert.Single(_errors, e => e.Kind == FramingErrorKind.BadChecksum);

        _decoder.Decode(resent, _frames, _errors);
        Assert.True(Assert.Single(_frames).IsRetransmit);
    }

    [Fact]
    public void Decode_DamagedDataByte_IsReportedAsBadChecksumNamingOpcode()
    {
        var damaged = Golden.ToArray();
        damaged[5] = (byte)'X';

        _decoder.Decode(damaged, _frames, _errors);

        var error = Assert.Single(_errors, e => e.Kind == FramingErrorKind.BadChecksum);
        Assert.Contains("0xF3", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xFE3C", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TwoFramesInOneChunk_YieldsBoth()
    {
        _decoder.Decode([.. Golden, .. SsiCodec.Encode(SsiFrame.Ack(SsiSource.Decoder))], _frames, _errors);

        Assert.Equal([SsiOpcode.DecodeData, SsiOpcode.Ack], _frames.Select(f => f.Opcode));
        Assert.Empty(_errors);
    }

    [Fact]
    public void Decode_FrameSplitAcrossReadsAfterGarbage_IsRecovered()
    {
        _decoder.Decode([0x99, 0x07, .. Golden[..3]], _frames, _errors);
        _decoder.Decode(Golden[3..7], _frames, _errors);
        _decoder.Decode(Golden[7..], _frames, _errors);

        Assert.Single(_frames);
    }

    [Fact]
    public void Decode_LongGarbageRun_KeepsMemoryBounded()
    {
        var garbage = new byte[100_000];
        new Random(7).NextBytes(garbage);

        _decoder.Decode(garbage, _frames, _errors);

        Assert.True(_decoder.PendingByteCount < 257);
        _decoder.Decode(Golden, _frames, _errors);
        Assert.Contains(_frames, f => f.Opcode == SsiOpcode.DecodeData && f.Data.Span.SequenceEqual("\u0003ABC"u8));
    }

    [Fact]
    public void Reset_DropsPartialFrame()
    {
        _decoder.Decode(Golden[..5], _frames, _errors);

        _decoder.Reset();
        _decoder.Decode(Golden, _frames, _errors);

        Assert.Single(_frames);
        Assert.Equal(0, _decoder.PendingByteCount);
    }
}
