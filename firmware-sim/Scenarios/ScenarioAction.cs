namespace FirmwareSim.Scenarios;

/// <summary>What a scenario step makes a simulated scanner do.</summary>
public enum ScenarioAction
{
    /// <summary>Send one scan.</summary>
    Scan,

    /// <summary>Send one scan in three separate writes (a frame or line split across reads).</summary>
    Split,

    /// <summary>SSI only: send the scan with a damaged checksum first; the host's NAK makes it resend a good copy.</summary>
    BadChecksum,

    /// <summary>Send noise bytes (line mode: followed by the suffix, so the host sees one overlong line).</summary>
    Garbage,

    /// <summary>Send several scans back to back without delay.</summary>
    Burst,

    /// <summary>Close the pty for a while (USB unplug) and recreate it at the same symlink.</summary>
    Unplug,
}
