namespace TraceLedger.Storage;

/// <summary>
/// An API key for the registry endpoints, stored only as SHA-256 of the secret; the key itself is shown once at
/// creation. <see cref="KeyId"/> is the public prefix that finds the row.
/// </summary>
public sealed class ApiKeyRow
{
    public string KeyId { get; set; } = "";

    public byte[] SecretHash { get; set; } = [];

    /// <summary>Who holds the key (a person, service or party GLN), for audit.</summary>
    public string Owner { get; set; } = "";

    public long CreatedAtMs { get; set; }

    public bool Revoked { get; set; }
}
