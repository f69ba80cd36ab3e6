namespace TraceGateway.Security;

/// <summary>The roles an API key can carry: the four party roles of the ledger, and the operator.</summary>
public static class GatewayRoles
{
    public const string Manufacturer = "manufacturer";
    public const string Distributor = "distributor";
    public const string Pharmacy = "pharmacy";
    public const string Regulator = "regulator";
    public const string Admin = "admin";

    /// <summary>Every role, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [Manufacturer, Distributor, Pharmacy, Regulator, Admin];

    /// <summary>Roles whose keys belong to a registered party (the subject is its GLN).</summary>
    public static bool IsPartyRole(string role) => role is Manufacturer or Distributor or Pharmacy or Regulator;
}
