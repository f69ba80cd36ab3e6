using System.Text;
using TraceChain.Serial;

namespace ScannerAgent.Tests.Support;

/// <summary>The scanner's side of a pty pair: writes scans and collects what the agent sends back.</summary>
internal sealed class ScannerEnd(PseudoTerminal pty) : IDisposable
{
    private readonly List<byte> received = [];

    public PseudoTerminal Pty { get; } = pty;

    public string Path => Pty.LinkPath!;

    public void SendLine(string scan) => Pty.Write(Encoding.Latin1.GetBytes(scan + "\r\n"));

    public void Send(ReadOnlySpan<byte> bytes) => Pty.Write(bytes);

    /// <summary>Reads what the agent wrote so far (returns quickly when nothing is waiting).</summary>
    public IReadOnlyList<byte> Drain()
    {
        var buffer = new byte[4096];
        int n;
        while ((n = Pty.Read(buffer, TimeSpan.FromMilliseconds(1))) > 0)
        {
            received.AddRange(buffer.AsSpan(0, n));
        }

        return received;
    }

    public string ReceivedText() => Encoding.UTF8.GetString([.. Drain()]);

    public void Dispose() => Pty.Dispose();
}
