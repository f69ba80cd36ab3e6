using TraceChain.Protocol.Scanning;
using TraceChain.Serial;
using TraceChain.Serial.Scanning;

namespace ScannerAgent.Configuration;

/// <summary>A validated scanner: how to read it and what its scans mean.</summary>
/// <param name="Name">Name for logs and the outbox.</param>
/// <param name="Serial">Port, mode and line options for <see cref="SerialScanner"/>; null for an MQTT scanner.</param>
/// <param name="Workflow">What a scan means.</param>
/// <param name="Destination">Destination GLN (ship).</param>
/// <param name="Source">Source GLN (receive), if known.</param>
/// <param name="Parent">Parent as <c>sscc:{18 digits}</c> (pack).</param>
public sealed record ScannerSetup(string Name, SerialScannerOptions? Serial, Workflow Workflow, string? Destination, string? Source, string? Parent)
{
    /// <summary>True when the operator hears the ledger's verdict for each scan.</summary>
    public bool ReportsVerdict => Workflow is Workflow.Dispense or Workflow.Verify;

    /// <summary>Converts settings already checked by <see cref="AgentSettingsLoader.Problems"/>.</summary>
    public static ScannerSetup From(ScannerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var mode = ParseMode(settings.Mode) ?? throw new ArgumentException($"scanner {settings.DisplayName}: mode '{settings.Mode}' must be line or ssi", nameof(settings));
        var suffix = ParseSuffix(settings.Suffix) ?? throw new ArgumentException($"scanner {settings.DisplayName}: suffix '{settings.Suffix}' must be cr, lf or crlf", nameof(settings));
        var workflow = ParseWorkflow(settings.Workflow) ?? throw new ArgumentException($"scanner {settings.DisplayName}: workflow '{settings.Workflow}' must be commission, receive, ship, pack, dispense or verify", nameof(settings));
        var serial = new SerialScannerOptions(new SerialPortOptions(settings.Port, settings.Baud), mode) { Line = new LineDecoderOptions(suffix) };
        var parent = string.IsNullOrWhiteSpace(settings.Parent) ? null : "sscc:" + settings.Parent.Trim();
        return new ScannerSetup(settings.DisplayName, serial, workflow, Blank(settings.Destination), Blank(settings.Source), parent);
    }

    /// <summary>Converts MQTT scanner settings already checked by <see cref="AgentSettingsLoader.Problems"/>.</summary>
    public static ScannerSetup From(MqttScannerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var workflow = ParseWorkflow(settings.Workflow) ?? throw new ArgumentException($"MQTT scanner {settings.Name}: workflow '{settings.Workflow}' must be commission, receive, ship, pack, dispense or verify", nameof(settings));
        var parent = string.IsNullOrWhiteSpace(settings.Parent) ? null : "sscc:" + settings.Parent.Trim();
        return new ScannerSetup(settings.Name, null, workflow, Blank(settings.Destination), Blank(settings.Source), parent);
    }

    /// <summary>Converts camera scanner settings already checked by <see cref="AgentSettingsLoader.Problems"/>.</summary>
    public static ScannerSetup From(CameraScannerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var workflow = ParseWorkflow(settings.Workflow) ?? throw new ArgumentException($"camera scanner {settings.Name}: workflow '{settings.Workflow}' must be commission, receive, ship, pack, dispense or verify", nameof(settings));
        var parent = string.IsNullOrWhiteSpace(settings.Parent) ? null : "sscc:" + settings.Parent.Trim();
        return new ScannerSetup(settings.Name, null, workflow, Blank(settings.Destination), Blank(settings.Source), parent);
    }

    /// <summary>Parses <c>line</c>/<c>ssi</c> (any case).</summary>
    public static ScannerMode? ParseMode(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "LINE" => ScannerMode.Line,
        "SSI" => ScannerMode.Ssi,
        _ => null,
    };

    /// <summary>Parses <c>cr</c>/<c>lf</c>/<c>crlf</c> (any case).</summary>
    public static LineSuffix? ParseSuffix(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CR" => LineSuffix.Cr,
        "LF" => LineSuffix.Lf,
        "CRLF" => LineSuffix.CrLf,
        _ => null,
    };

    /// <summary>Parses a workflow name (any case; <c>verify-only</c> is an alias of verify).</summary>
    public static Workflow? ParseWorkflow(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "COMMISSION" => Configuration.Workflow.Commission,
        "RECEIVE" => Configuration.Workflow.Receive,
        "SHIP" => Configuration.Workflow.Ship,
        "PACK" => Configuration.Workflow.Pack,
        "DISPENSE" => Configuration.Workflow.Dispense,
        "VERIFY" or "VERIFY-ONLY" => Configuration.Workflow.Verify,
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
