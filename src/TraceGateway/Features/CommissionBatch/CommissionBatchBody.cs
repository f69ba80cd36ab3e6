using TraceLedger.Packs;

namespace TraceGateway.Features.CommissionBatch;

/// <summary>POST /v1/batches body (the manufacturer is the caller).</summary>
public sealed record CommissionBatchBody(
    string? Gtin,
    string? Lot,
    string? Expiry,
    ProductData? Product,
    int Count,
    IReadOnlyList<string>? ImportedSerials,
    IReadOnlyList<string>? ChinaCodes,
    bool ScratchCodes);
