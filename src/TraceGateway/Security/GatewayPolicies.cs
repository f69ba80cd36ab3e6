using Microsoft.AspNetCore.Authorization;

namespace TraceGateway.Security;

/// <summary>Authorization policies, one per kind of endpoint.</summary>
public static class GatewayPolicies
{
    /// <summary>Supply-chain partners and oversight: log entries and proof bundles name partners.</summary>
    public const string Partners = "partners";

    /// <summary>Registered parties acting as themselves (their key's subject is their GLN): partner verification.</summary>
    public const string PartyMembers = "party-members";

    /// <summary>Manufacturers: commissioning.</summary>
    public const string Manufacturers = "manufacturers";

    /// <summary>Recalls: manufacturers (of their own GTINs) and regulators.</summary>
    public const string Recallers = "recallers";

    /// <summary>Alerts name partners and locations: oversight only.</summary>
    public const string Oversight = "oversight";

    /// <summary>Party and device registry changes.</summary>
    public const string Registry = "registry";

    /// <summary>API key issue and revocation.</summary>
    public const string KeyAdmin = "key-admin";

    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Partners, p => p.RequireRole(GatewayRoles.All))
            .AddPolicy(PartyMembers, p => p.RequireRole(GatewayRoles.Manufacturer, GatewayRoles.Distributor, GatewayRoles.Pharmacy, GatewayRoles.Regulator))
            .AddPolicy(Manufacturers, p => p.RequireRole(GatewayRoles.Manufacturer))
            .AddPolicy(Recallers, p => p.RequireRole(GatewayRoles.Manufacturer, GatewayRoles.Regulator))
            .AddPolicy(Oversight, p => p.RequireRole(GatewayRoles.Regulator, GatewayRoles.Admin))
            .AddPolicy(Registry, p => p.RequireRole(GatewayRoles.Regulator, GatewayRoles.Admin))
            .AddPolicy(KeyAdmin, p => p.RequireRole(GatewayRoles.Admin));
    }
}
