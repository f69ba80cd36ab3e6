namespace FirmwareSim.Scenarios;

/// <summary>One line of a scenario file.</summary>
/// <param name="Line">Line number in the file, for error messages.</param>
/// <param name="Scanner">Scanner number from 1, or 0 for every scanner.</param>
/// <param name="Delay">Wait before the step; null means the --rate interval.</param>
/// <param name="Action">What to do.</param>
/// <param name="Data">Scan bytes (escapes resolved) for scan, split, badchecksum and burst.</param>
/// <param name="Count">Byte count for garbage, scan count for burst.</param>
/// <param name="Duration">How long an unplug lasts.</param>
public sealed record ScenarioStep(int Line, int Scanner, TimeSpan? Delay, ScenarioAction Action, byte[] Data, int Count, TimeSpan Duration)
{
    /// <summary>The scan bytes of a burst's <paramref name="index"/>-th scan: "{n}" in the data becomes the index.</summary>
    public byte[] BurstData(int index) =>
        System.Text.Encoding.Latin1.GetBytes(System.Text.Encoding.Latin1.GetString(Data).Replace("{n}", index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
}
