namespace FirmwareSim.Scenarios;

/// <summary>A scenario file line that cannot be understood; the message names the line.</summary>
public sealed class ScenarioFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ScenarioFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScenarioFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScenarioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
