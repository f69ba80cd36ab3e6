namespace TraceGateway.Counter;

/// <summary>A pharmacy's counter device as the gateway keeps it (the private key stays in <see cref="CounterDeviceStore"/>).</summary>
/// <param name="PartyGln">The pharmacy it belongs to.</param>
/// <param name="DeviceId">Its device id in the ledger's registry.</param>
/// <param name="KeyId">Key id of its public key.</param>
/// <param name="PublicKey">Standard base64 DER SubjectPublicKeyInfo.</param>
/// <param name="RegisteredSeq">The registry entry that registered it; null until the ledger accepted it.</param>
public sealed record CounterDevice(string PartyGln, string DeviceId, string KeyId, string PublicKey, long? RegisteredSeq)
{
    /// <summary>The device id of a pharmacy's counter device.</summary>
    public static string DeviceIdFor(string partyGln) => "counter." + partyGln;
}
