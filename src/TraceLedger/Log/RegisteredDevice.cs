namespace TraceLedger.Log;

/// <summary>A device as the registry holds it now.</summary>
/// <param name="DeviceId">Its id.</param>
/// <param name="PartyGln">The party it belongs to.</param>
/// <param name="Active">False once revoked.</param>
/// <param name="PublicKeySpki">Its newest key (DER SubjectPublicKeyInfo): the one it signs with, or signed with last when revoked.</param>
/// <param name="KeySeq">The registry entry that gave it that key (its registration, or the newest key rotation).</param>
/// <param name="LastCounter">The counter of its last accepted hop (-1 before any): its next hop must carry a higher one.</param>
public sealed record RegisteredDevice(string DeviceId, string PartyGln, bool Active, byte[] PublicKeySpki, long KeySeq, long LastCounter);
