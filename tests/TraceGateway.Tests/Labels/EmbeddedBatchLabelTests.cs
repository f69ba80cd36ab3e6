using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Labels;

/// <summary>The label suite with the ledger inside the gateway process.</summary>
public sealed class EmbeddedBatchLabelTests() : BatchLabelTests(LedgerMode.Embedded);
