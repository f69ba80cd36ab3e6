using TraceChain.Protocol.Scanning;
using TraceChain.Serial.Scanning;

namespace TraceChain.Serial.Tests.Scanning;

public sealed class SerialScannerTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();
    private readonly PseudoTerminal _pty;
    private readonly PtyFrames _scanner;

    public SerialScannerTests()
    {
        _pty = PseudoTerminal.Open(Path.Combine(_dir.Path, "scanner"));
        _scanner = new PtyFrames(_pty);
    }

    [Fact]
    public async Task LineMode_CrLfScans_ArriveWithAimIdentifier()
    {
        using var host = Host(ScannerMode.Line, o => o with { Line = new LineDecoderOptions(LineSuffix.CrLf) });

        _pty.Write("]d20109506000134352\u001d10AB\r\n]Q1https://x.example/01/09506000134352\r\n"u8);

        var first = await NextScan(host);
        var second = await NextScan(host);
        Assert.Equal(("]d2", "0109506000134352\u001d10AB"), (first.SymbologyIdentifier, first.Text));
        Assert.Equal("]Q1https://x.example/01/09506000134352", second.TextWithSymbologyIdentifier);
    }

    [Fact]
    public async Task Ssi_GoodFrame_IsAckedAndDelivered()
    {
        using var host = Host(ScannerMode.Ssi);

        _pty.Write(Convert.FromHexString("08F3000003414243FE3C"));

        var scan = await NextScan(host);
        Assert.Equal(("ABC", (byte?)0x03), (scan.Text, scan.SsiCodeType));
        Assert.Equal("04D00400FF28", Convert.ToHexString(SsiCodec.Encode(_scanner.Next())));
    }

    [Fact]
    public async Task Ssi_BadChecksum_IsNakedAndTheResentFrameDeliveredOnce()
    {
        using var host = Host(ScannerMode.Ssi);
        var errors = new List<FramingErrorKind>();
        host.FramingError += (_, e) => errors.Add(e.Error.Kind);
        var damaged = Convert.FromHexString("08F3000003414243FE3D");

        _pty.Write(damaged);
        Assert.Equal(SsiFrame.Nak(SsiSource.Host, SsiNakCause.Resend), _scanner.Next());
        _scanner.Send(SsiFrame.DecodeData(0x03, "ABC"u8).AsRetransmit());
        Assert.Equal(SsiOpcode.Ack, _scanner.Next().Opcode);

        var scan = await NextScan(host);
        Assert.Equal("ABC", scan.Text);
        Assert.Contains(FramingErrorKind.BadChecksum, errors);
        Assert.False(host.Scans.TryRead(out _));
    }

    [Fact]
    public async Task Ssi_RetransmittedDuplicate_IsAckedButNotDeliveredTwice()
    {
        using var host = Host(ScannerMode.Ssi);
        var scan = SsiFrame.DecodeData(0x1B, "]d2010950600013435221S1"u8);

        _scanner.Send(scan);
        Assert.Equal(SsiOpcode.Ack, _scanner.Next().Opcode);
        _scanner.Send(scan.AsRetransmit());
        Assert.Equal(SsiOpcode.Ack, _scanner.Next().Opcode);
        _scanner.Send(SsiFrame.DecodeData(0x1B, "]d2010950600013435221S2"u8));
        Assert.Equal(SsiOpcode.Ack, _scanner.Next().Opcode);

        Assert.Equal("]d2010950600013435221S1", (await NextScan(host)).TextWithSymbologyIdentifier);
        Assert.Equal("]d2010950600013435221S2", (await NextScan(host)).TextWithSymbologyIdentifier);
        Assert.Equal(1, host.DuplicatesDropped);
    }

    [Fact]
    public async Task Ssi_BeepNakedOnce_IsResentWithRetransmitBitAndDelivered()
    {
        using var host = Host(ScannerMode.Ssi);

        var beep = host.BeepAsync(0x02, CancellationToken.None);
        var first = _scanner.Next();
        _scanner.Send(SsiFrame.Nak(SsiSource.Decoder, SsiNakCause.Resend));
        var second = _scanner.Next();
        _scanner.Send(SsiFrame.Ack(SsiSource.Decoder));

        Assert.Equal(SsiSendStep.Delivered, await beep.WaitAsync(Wait));
        Assert.Equal(SsiFrame.Beep(0x02), first);
        Assert.True(second.IsRetransmit && second.SameMessageAs(first));
    }

    [Fact]
    public async Task Ssi_CommandNeverAcked_GivesUpAfterRetries()
    {
        using var host = Host(ScannerMode.Ssi, o => o with { AckTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 1 });

        var result = await host.SetLedAsync(true, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(SsiSendStep.GaveUp, result);
        Assert.Equal(SsiOpcode.LedOn, _scanner.Next().Opcode);
        Assert.True(_scanner.Next().IsRetransmit);
    }

    [Fact]
    public async Task Ssi_CommandDenied_IsRejected()
    {
        using var host = Host(ScannerMode.Ssi);

        var session = host.SetSessionAsync(false, CancellationToken.None);
        Assert.Equal(SsiOpcode.StopSession, _scanner.Next().Opcode);
        _scanner.Send(SsiFrame.Nak(SsiSource.Decoder, SsiNakCause.Denied));

        Assert.Equal(SsiSendStep.Rejected, await session.WaitAsync(Wait));
    }

    [Fact]
    public async Task LineMode_HostCommand_IsRefused()
    {
        using var host = Host(ScannerMode.Line);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.BeepAsync(0, CancellationToken.None));
    }

    public void Dispose()
    {
        _pty.Dispose();
        _dir.Dispose();
    }

    private static async Task<ScannedCode> NextScan(SerialScanner host)
    {
        using var cts = new CancellationTokenSource(Wait);
        return await host.Scans.ReadAsync(cts.Token);
    }

    private SerialScanner Host(ScannerMode mode, Func<SerialScannerOptions, SerialScannerOptions>? configure = null)
    {
        var options = new SerialScannerOptions(new SerialPortOptions(_pty.LinkPath!, 115200), mode);
        var host = new SerialScanner(configure is null ? options : configure(options));
        host.Open();
        return host;
    }
}
