using System.Collections.Concurrent;
using System.Text;

namespace ScannerAgent.Tests.Support;

/// <summary>A console stand-in that keeps every line, readable while the agent writes.</summary>
internal sealed class LogCapture : TextWriter
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly StringBuilder partial = new();
    private TaskCompletionSource lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines => [.. lines];

    public bool Has(string text) => lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until a line contains <paramref name="text"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task next;
            lock (partial)
            {
                next = lineAdded.Task;
            }

            if (Has(text))
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await next.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                return Has(text);
            }
        }
    }

    private void Added()
    {
        lineAdded.TrySetResult();
        lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public override void Write(char value)
    {
        lock (partial)
        {
            if (value == '\n')
            {
                lines.Enqueue(partial.ToString().TrimEnd('\r'));
                partial.Clear();
                Added();
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
            Added();
        }
    }

    public override string ToString() => string.Join('\n', lines);
}
