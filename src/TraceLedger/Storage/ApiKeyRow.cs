namespace TraceLedger.Storage;

/// <summary>An API key, stored only as SHA-256 of the secret. <see cref="KeyId"/> is the public prefix the client sends.</summary>
public sealed class ApiKeyRow
{
    public string KeyId { get; set; } = "";

    public byte[] SecretHash { get; set; } = [];

    public string PartyGln { get; set; } = "";

    public long CreatedAtMs { get; set; }

    public bool Revoked { get; set; }
}
