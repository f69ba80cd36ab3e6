namespace TraceChain.Serial.Tests;

/// <summary>A private directory for pty links, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tc-serial-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
