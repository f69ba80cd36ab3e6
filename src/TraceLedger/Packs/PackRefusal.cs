using System.Diagnostics.CodeAnalysis;
using TraceLedger.Log;

namespace TraceLedger.Packs;

/// <summary>
/// A refused pack operation: the code and a message naming the pack. Travels through the log's receipt as
/// <c>"{wire code}: {detail}"</c> (the append path's refusals are text); <see cref="TryParse"/> reads it back.
/// </summary>
public sealed record PackRefusal(PackRefusalCode Code, string Detail)
{
    /// <summary>The stable snake_case name of the code.</summary>
    public string WireCode => WireName(Code);

    /// <summary>The EMVS alert code this refusal corresponds to, if any.</summary>
    public string? EmvsCode => Code switch
    {
        PackRefusalCode.UnknownPack => "A3",
        PackRefusalCode.AlreadyDispensed or PackRefusalCode.AlreadyInState => "A7",
        _ => null,
    };

    /// <summary>The text of the refusal as it appears in a receipt.</summary>
    public override string ToString() => WireCode + ": " + Detail;

    /// <summary>snake_case of a code (e.g. <c>already_dispensed</c>).</summary>
    public static string WireName(PackRefusalCode code) => WireText.Snake(code.ToString());

    /// <summary>Reads the refusal out of a receipt refused by a pack rule.</summary>
    public static bool TryParse(HopReceipt receipt, [NotNullWhen(true)] out PackRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        refusal = null;
        if (receipt.Reason != RefusalReason.RuleViolation || receipt.Message is not { } message)
        {
            return false;
        }

        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var wire = message[..colon];
        foreach (var code in Enum.GetValues<PackRefusalCode>())
        {
            if (WireName(code) == wire)
            {
                refusal = new PackRefusal(code, message[(colon + 2)..]);
                return true;
            }
        }

        return false;
    }
}
