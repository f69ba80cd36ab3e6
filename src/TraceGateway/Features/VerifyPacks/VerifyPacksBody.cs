using TraceGateway.Features.VerifyPack;

namespace TraceGateway.Features.VerifyPacks;

/// <summary>POST /v1/verifications/bulk body.</summary>
public sealed record VerifyPacksBody(IReadOnlyList<VerifyPackBody>? Items);
