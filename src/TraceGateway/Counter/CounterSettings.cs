namespace TraceGateway.Counter;

/// <summary>Configuration section <c>Counter</c>: the pharmacy counter page and its server-held counter devices.</summary>
public sealed class CounterSettings
{
    public const string Section = "Counter";

    /// <summary>The SQLite file holding counter device keys and counters; default <c>counter-devices.db</c> next to the gateway's key store.</summary>
    public string? Database { get; set; }

    /// <summary>The ASP.NET Core Data Protection key ring (session cookies, antiforgery, device keys at rest); default <c>data-protection</c> next to it.</summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>
    /// A PKCS#12 file with an RSA certificate and its private key: new key ring keys are stored encrypted to it. Keep it
    /// apart from the gateway's data (a mounted secret), so a copy of the data directory reveals no key. Unset: keys are
    /// stored unencrypted in the owner-only key ring directory.
    /// </summary>
    public string? KeyRingCertificate { get; set; }

    /// <summary>The password of <see cref="KeyRingCertificate"/>, if it has one.</summary>
    public string? KeyRingCertificatePassword { get; set; }

    /// <summary>
    /// Certificates the ring was encrypted to before <see cref="KeyRingCertificate"/> replaced them: still used to read
    /// the keys written then, never to encrypt. Keep each as long as the ring holds keys encrypted to it: an expired key
    /// still opens what it protected (a counter device's private key is protected once, when the device is made), and
    /// the start is refused, naming the certificate, while one is missing.
    /// </summary>
    public List<KeyRingCertificateFile> KeyRingRetiredCertificates { get; set; } = [];

    /// <summary>Idle minutes before a counter session ends (sliding).</summary>
    public int SessionMinutes { get; set; } = 30;

    /// <summary>Hours after login when a session ends however active it is (one shift).</summary>
    public int MaxSessionHours { get; set; } = 12;

    /// <summary>Scans kept in a session's list, newest first.</summary>
    public int HistorySize { get; set; } = 10;

    /// <summary>The GS substitute a new session starts with (see <see cref="GsSubstitutes"/>); empty: GS arrives as itself or not at all.</summary>
    public string DefaultGsSubstitute { get; set; } = "";
}
