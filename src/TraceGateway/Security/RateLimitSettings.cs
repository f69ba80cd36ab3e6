namespace TraceGateway.Security;

/// <summary>Configuration section <c>RateLimits</c>: requests per window for anonymous callers, per client address.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Requests one client address may make to public endpoints per window.</summary>
    public int PerClientPermits { get; set; } = 120;

    /// <summary>Consumer checks one client address may make per window.</summary>
    public int ConsumerPerClientPermits { get; set; } = 60;

    /// <summary>Consumer checks of one pack (from anyone) per window: stops serial-guessing and scripted probing of a pack.</summary>
    public int ConsumerPerPackPermits { get; set; } = 30;

    /// <summary>The window length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}
