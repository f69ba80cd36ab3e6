namespace TraceGateway.Counter;

/// <summary>A counter session's state on the server: the GS substitute the scanner is set to, and the last scans, newest first.</summary>
public sealed class CounterSession(string gsSubstitute, int historySize)
{
    private readonly Lock gate = new();
    private readonly List<CounterOutcome> scans = [];
    private string substitute = gsSubstitute;

    /// <summary>The text the scanner types for GS ("" for none).</summary>
    public string GsSubstitute
    {
        get
        {
            lock (gate)
            {
                return substitute;
            }
        }

        set
        {
            lock (gate)
            {
                substitute = GsSubstitutes.IsKnown(value) ? value : throw new ArgumentException($"'{value}' is not a GS substitute the page offers.", nameof(value));
            }
        }
    }

    /// <summary>Adds a scan at the top of the list, dropping the oldest beyond the history size.</summary>
    public void Add(CounterOutcome outcome)
    {
        lock (gate)
        {
            scans.Insert(0, outcome);
            if (scans.Count > historySize)
            {
                scans.RemoveRange(historySize, scans.Count - historySize);
            }
        }
    }

    /// <summary>The last scans, newest first.</summary>
    public IReadOnlyList<CounterOutcome> Scans()
    {
        lock (gate)
        {
            return [.. scans];
        }
    }
}
