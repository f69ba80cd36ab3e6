using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Endpoints;

/// <summary>The endpoint suite with the ledger inside the gateway process.</summary>
public sealed class EmbeddedLedgerEndpointTests() : GatewayEndpointTests(LedgerMode.Embedded);
