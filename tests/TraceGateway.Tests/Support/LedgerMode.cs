namespace TraceGateway.Tests.Support;

/// <summary>Where the gateway's ledger runs.</summary>
public enum LedgerMode
{
    Embedded,
    Remote,
}
