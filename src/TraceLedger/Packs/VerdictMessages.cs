using System.Globalization;

namespace TraceLedger.Packs;

/// <summary>The one-sentence explanation that goes with each verdict.</summary>
internal static class VerdictMessages
{
    public static string For(VerdictCode code, Verdict v)
    {
        if (code == VerdictCode.Genuine && v.Scratch == ScratchOutcome.Reverified)
        {
            return Format($"Genuine, but this scratch code was already verified on {v.ScratchFirstVerifiedAt:yyyy-MM-dd} — if that was not you, this may be a fake.");
        }

        return code switch
        {
            VerdictCode.Genuine => "Genuine and active.",
            VerdictCode.UnknownProduct => "Unknown product: this GTIN was never commissioned. Do not supply; possible counterfeit.",
            VerdictCode.UnknownBatch => "Unknown batch (A2): this batch does not exist for the product. Do not supply.",
            VerdictCode.UnknownSerial => "Unknown serial (A3): this pack was never commissioned. Possible counterfeit; do not supply.",
            VerdictCode.BatchMismatch => Format($"Batch mismatch (A68): the pack belongs to batch {v.Lot}, not to the batch read."),
            VerdictCode.ExpiryMismatch => Format($"Expiry mismatch (A52): the batch expires {v.Expiry}, not on the date read."),
            VerdictCode.AlreadyDispensed => Format($"Already dispensed (A7) on {v.DispensedAt:yyyy-MM-dd}. If you did not just buy it, do not use it."),
            VerdictCode.Recalled => "Recalled: this batch has been recalled. Do not use or supply it.",
            VerdictCode.Withdrawn => "Withdrawn: this product has been taken off the market.",
            VerdictCode.Expired => Format($"Expired: this batch expired ({v.Expiry})."),
            VerdictCode.Stolen => "Reported stolen. Do not supply; report where it came from.",
            VerdictCode.Destroyed => "This pack was recorded as destroyed: it should not exist. Possible counterfeit.",
            VerdictCode.Locked => "Locked by its holder (e.g. quarantine). Do not supply.",
            VerdictCode.Sample => "Taken as a sample: not for supply.",
            VerdictCode.Exported => "Exported out of this market: not for supply here.",
            VerdictCode.Suspect => v.Scratch switch
            {
                ScratchOutcome.Wrong => "Suspect: this scratch code does not belong to this pack.",
                ScratchOutcome.Locked => "Suspect: too many wrong scratch codes were tried; this pack's scratch check is locked.",
                _ => "Suspect: this serial was seen at places too far apart; it may be a copy.",
            },
            _ => code.ToString(),
        };
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
