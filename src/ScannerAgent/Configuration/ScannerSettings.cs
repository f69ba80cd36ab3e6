namespace ScannerAgent.Configuration;

/// <summary>One serial scanner of the agent (bound from <c>Agent:Scanners:N</c>).</summary>
public sealed class ScannerSettings
{
    /// <summary>Short name used in logs and in the outbox; defaults to the port path.</summary>
    public string? Name { get; set; }

    /// <summary>Device path such as /dev/ttyACM0 or a pty symlink.</summary>
    public string Port { get; set; } = "";

    /// <summary><c>line</c> or <c>ssi</c>.</summary>
    public string Mode { get; set; } = "line";

    /// <summary>9600, 19200, 38400, 57600 or 115200.</summary>
    public int Baud { get; set; } = 9600;

    /// <summary>Line mode suffix: <c>cr</c>, <c>lf</c> or <c>crlf</c>.</summary>
    public string Suffix { get; set; } = "cr";

    /// <summary>commission, receive, ship, pack, dispense or verify.</summary>
    public string Workflow { get; set; } = "receive";

    /// <summary>GLN the goods go to (ship).</summary>
    public string? Destination { get; set; }

    /// <summary>GLN the goods come from (receive), if known.</summary>
    public string? Source { get; set; }

    /// <summary>Parent case or pallet SSCC, 18 digits (pack).</summary>
    public string? Parent { get; set; }

    /// <summary>The name shown in logs.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Port : Name;
}
