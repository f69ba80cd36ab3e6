namespace TraceLedger.Api;

/// <summary>Answer of <c>GET /v1/feed/alerts/last</c>.</summary>
/// <param name="LastId">The newest alert number, 0 when there is none.</param>
public sealed record LastAlertResponse(long LastId);
