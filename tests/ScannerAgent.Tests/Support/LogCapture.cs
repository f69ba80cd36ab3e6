using System.Collections.Concurrent;
using System.Text;

namespace ScannerAgent.Tests.Support;

/// <summary>A console stand-in that keeps every line, readable while the agent writes.</summary>
internal sealed class LogCapture : TextWriter
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly StringBuilder partial = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines => [.. lines];

    public bool Has(string text) => lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public override void Write(char value)
    {
        lock (partial)
        {
            if (value == '\n')
            {
                lines.Enqueue(partial.ToString().TrimEnd('\r'));
                partial.Clear();
            }
            else
            {
                partial.Append(value);
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (partial)
        {
            lines.Enqueue(partial + value);
            partial.Clear();
        }
    }

    public override string ToString() => string.Join('\n', lines);
}
