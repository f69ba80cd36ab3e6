namespace TraceGateway.Features.VerifyPacks;

/// <summary>One result per requested item, in request order.</summary>
public sealed record VerifyPacksResponse(IReadOnlyList<VerifyPacksItem> Results);
