namespace TraceGateway.Security;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class AdminKeySettings
{
    public const string Section = "Gateway";

    /// <summary>Where to write a first admin key at start-up if the file does not exist (unset: never).</summary>
    public string? AdminKeyFile { get; set; }
}
