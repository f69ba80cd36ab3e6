namespace ScannerAgent.Commands;

/// <summary>What <c>check-scan</c> found, in the shape of its <c>--json</c> output (fields in docs/check-scan.md).</summary>
internal sealed record CheckScanReport
{
    /// <summary>True when the scan is a valid code (exit code 0).</summary>
    public required bool Valid { get; init; }

    /// <summary>How the input was read: "gs1", "digitalLink" or "chinaDrugCode".</summary>
    public required string Kind { get; init; }

    /// <summary>The scan as received, with GS shown as &lt;GS&gt;.</summary>
    public required string Input { get; init; }

    public string? Aim { get; init; }

    public string? Symbology { get; init; }

    public IReadOnlyList<Element> Elements { get; init; } = [];

    public string? Hri { get; init; }

    /// <summary>Element string without AIM identifier, GS shown as &lt;GS&gt;.</summary>
    public string? ElementString { get; init; }

    public string? DigitalLink { get; init; }

    public Identity? Identifier { get; init; }

    public ChinaCode? ChinaDrugCode { get; init; }

    public Problem? Error { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    internal sealed record Element(string Ai, string Title, string Value);

    internal sealed record Identity(string Kind, string Key, string? Gtin, string? Serial, string? Batch, string? Sscc);

    internal sealed record ChinaCode(string ProductResourceCode, string SerialNumber, string CheckValue);

    internal sealed record Problem(string Code, string Message, string? Ai, int? Position);

    internal sealed record Finding(string Code, string Message, string Fix, double Confidence, string? RepairedHri, string? RepairedDigitalLink);
}
