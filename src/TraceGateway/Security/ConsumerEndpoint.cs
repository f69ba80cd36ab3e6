namespace TraceGateway.Security;

/// <summary>Endpoint metadata: an anonymous consumer check, limited per client address and per pack.</summary>
public sealed record ConsumerEndpoint;
