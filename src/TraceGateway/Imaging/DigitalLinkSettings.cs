namespace TraceGateway.Imaging;

/// <summary>Configuration section <c>DigitalLink</c>: where the QR codes printed on packs point.</summary>
public sealed class DigitalLinkSettings
{
    public const string Section = "DigitalLink";

    /// <summary>
    /// The platform's public Digital Link domain (and optional path stem) that resolves to this gateway's consumer page,
    /// e.g. <c>https://id.tracechain.example</c> (the same default as <c>ScannerAgent check-scan --domain</c>).
    /// </summary>
    public string BaseUri { get; set; } = "https://id.tracechain.example";
}
