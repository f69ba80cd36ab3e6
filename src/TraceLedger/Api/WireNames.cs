using TraceLedger.Log;
using TraceLedger.Storage;

namespace TraceLedger.Api;

/// <summary>Wire spellings of the ledger's enums.</summary>
public static class WireNames
{
    /// <summary>snake_case name of a refusal reason, e.g. <c>counter_replay</c>.</summary>
    public static string Of(RefusalReason reason) => reason switch
    {
        RefusalReason.MalformedHop => "malformed_hop",
        RefusalReason.UnknownDevice => "unknown_device",
        RefusalReason.DeviceRevoked => "device_revoked",
        RefusalReason.BadSignature => "bad_signature",
        RefusalReason.CounterReplay => "counter_replay",
        RefusalReason.RuleViolation => "rule_violation",
        RefusalReason.KeyRetired => "key_retired",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a refusal reason."),
    };

    /// <summary>Parses a party role name (manufacturer, distributor, pharmacy, regulator).</summary>
    public static PartyRole? Role(string? name) => name switch
    {
        "manufacturer" => PartyRole.Manufacturer,
        "distributor" => PartyRole.Distributor,
        "pharmacy" => PartyRole.Pharmacy,
        "regulator" => PartyRole.Regulator,
        _ => null,
    };

    /// <summary>The wire form of a receipt.</summary>
    public static ReceiptResponse Receipt(int index, HopReceipt receipt) => new(
        index,
        receipt.Accepted ? (receipt.Duplicate ? "duplicate" : "accepted") : "refused",
        receipt.Seq,
        receipt.LeafHash is null ? null : Convert.ToBase64String(receipt.LeafHash),
        receipt.Reason is { } reason ? Of(reason) : null,
        receipt.Message);
}
