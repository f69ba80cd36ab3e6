using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Endpoints;

/// <summary>The endpoint suite against a separate ledger service on a loopback port.</summary>
public sealed class RemoteLedgerEndpointTests() : GatewayEndpointTests(LedgerMode.Remote);
