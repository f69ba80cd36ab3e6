namespace TraceLedger.Packs;

/// <summary>Policy settings of the pack lifecycle. Defaults follow EU FMD / EMVS where it has one.</summary>
public sealed record PackPolicy
{
    /// <summary>How long after a dispense it may be undone (EMVS: 10 days).</summary>
    public TimeSpan UndoWindow { get; init; } = TimeSpan.FromDays(10);

    /// <summary>Whether only the dispensing location may undo (EMVS: yes).</summary>
    public bool UndoSameLocationOnly { get; init; } = true;

    /// <summary>Whether only pharmacies dispense.</summary>
    public bool DispenseByPharmacyOnly { get; init; } = true;

    /// <summary>Fastest plausible travel between two sightings of one pack (a cloned serial moves faster).</summary>
    public double MaxTravelSpeedKmh { get; init; } = 900;

    /// <summary>Wrong scratch-code attempts on one pack before its scratch check locks.</summary>
    public int ScratchAttemptLimit { get; init; } = 5;

    /// <summary>A consumer check this long after the dispense raises an alert.</summary>
    public TimeSpan LateConsumerCheck { get; init; } = TimeSpan.FromDays(30);

    /// <summary>More consumer checks than this on one pack raise an alert (a printed code copied around).</summary>
    public int ConsumerCheckLimit { get; init; } = 10;
}
