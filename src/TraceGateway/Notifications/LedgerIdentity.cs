namespace TraceGateway.Notifications;

/// <summary>
/// The ledger a publish cursor was taken on: its checkpoint signing key (base64 SPKI, what tells two ledgers apart: each
/// ledger file gets its own key) and its note verifier key (origin and key id, what an operator recognises in a log line).
/// </summary>
public sealed record LedgerIdentity(string PublicKey, string VerifierKey)
{
    /// <summary>True when both name the same signing key; the origin name alone may be shared by every ledger.</summary>
    public bool IsSameLedger(LedgerIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(PublicKey, other.PublicKey, StringComparison.Ordinal);
    }

    public override string ToString() => VerifierKey;
}
