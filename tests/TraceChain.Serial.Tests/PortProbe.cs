namespace TraceChain.Serial.Tests;

/// <summary>Records what a port reports and lets a test wait for it with a timeout.</summary>
internal sealed class PortProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly object _gate = new();
    private readonly List<byte> _bytes = [];
    private readonly List<string> _events = [];

    public PortProbe(TtySerialPort port)
    {
        port.DataReceived += (_, data) =>
        {
            var copy = data.ToArray();
            Add(() => _bytes.AddRange(copy));
        };
        port.Connected += (_, _) => Add(() => _events.Add("connected"));
        port.Disconnected += (_, e) => Add(() => _events.Add("disconnected"));
        port.ConnectFailed += (_, _) => Add(() => _events.Add("connect-failed"));
    }

    public byte[] Bytes
    {
        get
        {
            lock (_gate)
            {
                return [.. _bytes];
            }
        }
    }

    public int Count(string name)
    {
        lock (_gate)
        {
            return _events.Count(e => e == name);
        }
    }

    public void WaitForBytes(int count) => WaitUntil(() => _bytes.Count >= count, $"{count} bytes");

    public void WaitForEvent(string name, int occurrences = 1) => WaitUntil(() => _events.Count(e => e == name) >= occurrences, $"{occurrences}x {name}");

    private void Add(Action change)
    {
        lock (_gate)
        {
            change();
            Monitor.PulseAll(_gate);
        }
    }

    private void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        lock (_gate)
        {
            while (!condition())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"waited {Timeout.TotalSeconds} s for {what}; events: {string.Join(",", _events)}; bytes: {_bytes.Count}");
                }

                Monitor.Wait(_gate, left);
            }
        }
    }
}
