using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Labels;

/// <summary>The label suite against a separate ledger service (the batch's packs come over HTTP).</summary>
public sealed class RemoteBatchLabelTests() : BatchLabelTests(LedgerMode.Remote);
