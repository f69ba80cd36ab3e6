using System.Text;
using FsCheck.Xunit;
using TraceChain.Protocol.Scanning;

namespace TraceChain.Protocol.Tests.Scanning;

public sealed class LineDecoderTests
{
    private readonly List<ScannedCode> _scans = [];
    private readonly List<FramingError> _errors = [];

    [Theory]
    [InlineData(LineSuffix.Cr, "A1\rB2\r")]
    [InlineData(LineSuffix.Lf, "A1\nB2\n")]
    [InlineData(LineSuffix.CrLf, "A1\r\nB2\r\n")]
    [InlineData(LineSuffix.CrLf, "A1\nB2\r\n")]
    public void Decode_EachSuffix_SplitsScans(LineSuffix suffix, string input)
    {
        new LineDecoder(new LineDecoderOptions(suffix)).Decode(Encoding.ASCII.GetBytes(input), _scans, _errors);

        Assert.Equal(["A1", "B2"], _scans.Select(s => s.Text));
        Assert.Empty(_errors);
    }

    [Fact]
    public void Decode_AimPrefixAndGs_SplitsIdentifierAndKeepsGs()
    {
        new LineDecoder().Decode("]d2010950600013435221ABC\u001d10L1\r"u8, _scans, _errors);

        var scan = Assert.Single(_scans);
        Assert.Equal("]d2", scan.SymbologyIdentifier);
        Assert.Equal("010950600013435221ABC\u001d10L1", scan.Text);
    }

    [Fact]
    public void Decode_NoAimPrefix_LeavesIdentifierNull()
    {
        new LineDecoder().Decode("12345678901234567890\r"u8, _scans, _errors);

        Assert.Null(Assert.Single(_scans).SymbologyIdentifier);
    }

    [Fact]
    public void Decode_AimDetectionOff_KeepsBracketInData()
    {
        new LineDecoder(new LineDecoderOptions(DetectAimPrefix: false)).Decode("]d2X\r"u8, _scans, _errors);

        Assert.Equal("]d2X", Assert.Single(_scans).Text);
    }

    [Fact]
    public void Decode_PartialLine_WaitsForSuffix()
    {
        var decoder = new LineDecoder();
        decoder.Decode("ABC"u8, _scans, _errors);
        Assert.Empty(_scans);
        Assert.Equal(3, decoder.PendingByteCount);

        decoder.Decode("DEF\r"u8, _scans, _errors);

        Assert.Equal("ABCDEF", Assert.Single(_scans).Text);
    }

    [Fact]
    public void Decode_EmptyLines_AreDropped()
    {
        new LineDecoder(new LineDecoderOptions(LineSuffix.CrLf)).Decode("\r\n\r\nX\r\n\n"u8, _scans, _errors);

        Assert.Equal("X", Assert.Single(_scans).Text);
    }

    [Fact]
    public void Decode_GarbageWithoutSuffix_ReportsOversizedLineOnceAndResyncs()
    {
        var decoder = new LineDecoder(new LineDecoderOptions(MaxLineLength: 16));

        decoder.Decode(Enumerable.Repeat((byte)'x', 10_000).ToArray(), _scans, _errors);
        Assert.True(decoder.PendingByteCount <= 16);
        decoder.Decode("tail\rGOOD\r"u8, _scans, _errors);

        Assert.Equal(FramingErrorKind.OversizedLine, Assert.Single(_errors).Kind);
        Assert.Equal("GOOD", Assert.Single(_scans).Text);
    }

    [Fact]
    public void Decode_LineOfExactlyMaxLength_IsAccepted()
    {
        new LineDecoder(new LineDecoderOptions(LineSuffix.CrLf, MaxLineLength: 4)).Decode("ABCD\r\nABCDE\r\n"u8, _scans, _errors);

        Assert.Equal("ABCD", Assert.Single(_scans).Text);
        Assert.Equal(FramingErrorKind.OversizedLine, Assert.Single(_errors).Kind);
    }

    [Property(MaxTest = 200)]
    public void Decode_AnyChunking_GivesTheSameScans(byte[][] lines, int[] cuts)
    {
        var sent = (lines ?? []).Where(l => l is not null)
            .Select(l => l.Where(b => b is not 0x0D and not (byte)']').Take(100).ToArray())
            .Where(l => l.Length > 0)
            .ToList();
        var stream = sent.SelectMany(l => l.Append((byte)0x0D)).ToArray();
        var decoder = new LineDecoder();
        var scans = new List<ScannedCode>();
        var errors = new List<FramingError>();

        foreach (var chunk in SsiDecoderProperties.Chunk(stream, cuts ?? []))
        {
            decoder.Decode(chunk, scans, errors);
        }

        Assert.Equal(sent.Select(Convert.ToHexString), scans.Select(s => Convert.ToHexString(s.Data.Span)));
        Assert.Empty(errors);
    }
}
