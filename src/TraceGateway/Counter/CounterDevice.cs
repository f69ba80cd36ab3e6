namespace TraceGateway.Counter;

/// <summary>A pharmacy's counter device as the gateway keeps it (the private key stays in <see cref="CounterDeviceStore"/>).</summary>
/// <param name="PartyGln">The pharmacy it belongs to.</param>
/// <param name="DeviceId">Its device id in the ledger's registry.</param>
/// <param name="KeyId">Key id of its public key.</param>
/// <param name="PublicKey">Standard base64 DER SubjectPublicKeyInfo.</param>
/// <param name="RegisteredSeq">The registry entry that registered it; null until the ledger accepted it.</param>
public sealed record CounterDevice(string PartyGln, string DeviceId, string KeyId, string PublicKey, long? RegisteredSeq)
{
    /// <summary>The device id of a pharmacy's first counter device.</summary>
    public static string DeviceIdFor(string partyGln) => "counter." + partyGln;

    /// <summary>
    /// The id to move to when the ledger already has this one with a key the gateway does not hold (its store was lost):
    /// <c>counter.{gln}</c>, then <c>counter.{gln}.2</c>, <c>.3</c>, …
    /// </summary>
    public string NextDeviceId()
    {
        var first = DeviceIdFor(PartyGln);
        var generation = DeviceId.StartsWith(first + ".", StringComparison.Ordinal)
            && int.TryParse(DeviceId.AsSpan(first.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n
                : 1;
        return first + "." + (generation + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
