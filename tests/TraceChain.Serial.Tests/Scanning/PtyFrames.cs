using TraceChain.Protocol.Scanning;

namespace TraceChain.Serial.Tests.Scanning;

/// <summary>Plays the scanner on a pty master: reads the host's SSI frames with a timeout.</summary>
internal sealed class PtyFrames(PseudoTerminal pty)
{
    private readonly SsiDecoder _decoder = new();
    private readonly Queue<SsiFrame> _ready = new();

    public void Send(SsiFrame frame) => pty.Write(SsiCodec.Encode(frame));

    public SsiFrame Next()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var buffer = new byte[512];
        while (_ready.Count == 0)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("no SSI frame from the host within 10 s");
            }

            var n = pty.Read(buffer, left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            var frames = new List<SsiFrame>();
            _decoder.Decode(buffer.AsSpan(0, n), frames, []);
            frames.ForEach(_ready.Enqueue);
        }

        return _ready.Dequeue();
    }
}
