using MediatR;
using TraceLedger.Packs;

namespace TraceGateway.Features.CommissionBatch;

/// <summary>
/// A manufacturer commissions a batch of a GTIN it owns: random serials (<see cref="Count"/>), imported serials or
/// China codes, optionally with scratch codes. <see cref="ManufacturerGln"/> comes from the caller's API key.
/// </summary>
public sealed record CommissionBatchCommand(
    string? ManufacturerGln,
    string? Gtin,
    string? Lot,
    string? Expiry,
    ProductData? Product,
    int Count,
    IReadOnlyList<string>? ImportedSerials,
    IReadOnlyList<string>? ChinaCodes,
    bool ScratchCodes) : IRequest<CommissionResult>;
