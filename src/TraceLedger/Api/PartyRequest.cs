namespace TraceLedger.Api;

/// <summary>POST /v1/parties body. Role is manufacturer, distributor, pharmacy or regulator.</summary>
public sealed record PartyRequest(string? Gln, string? Name, string? Role, double? Latitude, double? Longitude);
