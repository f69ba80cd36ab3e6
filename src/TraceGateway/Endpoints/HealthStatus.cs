namespace TraceGateway.Endpoints;

/// <summary>Body of /healthz and /readyz.</summary>
public sealed record HealthStatus(string Status);
