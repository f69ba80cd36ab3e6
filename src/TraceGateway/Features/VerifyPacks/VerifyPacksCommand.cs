using MediatR;
using TraceGateway.Features.VerifyPack;

namespace TraceGateway.Features.VerifyPacks;

/// <summary>Bulk partner verification (a tote or a delivery at the counter): one result per item, in order.</summary>
public sealed record VerifyPacksCommand(string? PartyGln, IReadOnlyList<VerifyPackBody>? Items) : IRequest<VerifyPacksResponse>
{
    /// <summary>Most items one request may carry.</summary>
    public const int MaxItems = 1000;
}
