namespace TraceLedger.Storage;

/// <summary>
/// One public key of a device with the log range it was valid for: hops appended at
/// [ValidFromSeq, ValidUntilSeq) verify with it. Rotation closes the old range instead of deleting the key,
/// so old hops stay verifiable.
/// </summary>
public sealed class DeviceKeyRow
{
    public long Id { get; set; }

    public string DeviceId { get; set; } = "";

    /// <summary>SubjectPublicKeyInfo (DER) of the ECDSA P-256 key.</summary>
    public byte[] PublicKey { get; set; } = [];

    public long ValidFromSeq { get; set; }

    public long? ValidUntilSeq { get; set; }
}
