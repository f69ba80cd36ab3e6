using System.Globalization;

namespace ScannerAgent.Agent;

/// <summary>The agent's console log: one timestamped line per event, safe from any thread.</summary>
public sealed class AgentLog(TextWriter output, TimeProvider time)
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);

    /// <summary>Writes <c>HH:mm:ss.fff [source] message</c>.</summary>
    public void Write(string source, string message) =>
        _output.WriteLine($"{time.GetLocalNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} [{source}] {message}");
}
