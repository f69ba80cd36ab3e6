using MediatR;
using TraceLedger.Packs;

namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>
/// A consumer's check of one pack: the Digital Link URI from the pack's QR (<paramref name="DigitalLink"/>), or what
/// they typed (<paramref name="TypedCode"/>: a China 20-digit code or a pasted Digital Link), and optionally the
/// scratch-off code as a second factor (alone, it finds the pack by itself).
/// </summary>
public sealed record VerifyForConsumerQuery(string? DigitalLink, string? TypedCode, string? ScratchCode = null) : IRequest<ConsumerVerdict>
{
    /// <summary>The verdict code for a code that cannot be read at all (a typo, or not a pack code).</summary>
    public const string InvalidCode = "invalid_code";

    /// <summary>The longest pack code (Digital Link or typed) accepted.</summary>
    public const int MaxCodeLength = 1024;
}
