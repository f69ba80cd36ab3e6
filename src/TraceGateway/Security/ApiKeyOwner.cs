namespace TraceGateway.Security;

/// <summary>
/// Who holds a gateway API key: a role and a subject (a party GLN, or an operator name for admin keys). Stored as
/// the owner text <c>role:subject</c> in the ledger's API key table, so the table stays the ledger's own.
/// </summary>
public sealed record ApiKeyOwner(string Role, string Subject)
{
    public override string ToString() => Role + ":" + Subject;

    /// <summary>Reads <c>role:subject</c>; null for owner texts that are not gateway keys (e.g. the ledger's registry keys).</summary>
    public static ApiKeyOwner? Parse(string? owner)
    {
        var colon = owner?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (owner is null || colon <= 0 || colon == owner.Length - 1)
        {
            return null;
        }

        var role = owner[..colon];
        return GatewayRoles.All.Contains(role) ? new ApiKeyOwner(role, owner[(colon + 1)..]) : null;
    }
}
