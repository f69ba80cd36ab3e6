namespace TraceLedger.Packs;

/// <summary>What checking a scratch-off code found.</summary>
public enum ScratchOutcome
{
    /// <summary>No code was given.</summary>
    NotChecked = 0,

    /// <summary>The code matches and is checked for the first time.</summary>
    Valid,

    /// <summary>The code matches but was verified before: if that was not the asker, the pack may be a copy.</summary>
    Reverified,

    /// <summary>The code does not belong to this pack.</summary>
    Wrong,

    /// <summary>Too many wrong codes: the pack's scratch check is locked.</summary>
    Locked,

    /// <summary>The pack was issued without a scratch code.</summary>
    NoScratchCode,
}
