using MediatR;
using TraceLedger.Packs;

namespace TraceGateway.Features.VerifyPack;

/// <summary>
/// A partner's verification (pharmacy counter, warehouse): the raw scan or the canonical identifier, what was read,
/// and optionally a scratch code. <see cref="PartyGln"/> comes from the caller's API key; the verdict names partners.
/// </summary>
public sealed record VerifyPackCommand(string? PartyGln, string? Scan, string? Identifier, string? Batch, string? Expiry, string? ScratchCode) : IRequest<Verdict>;
