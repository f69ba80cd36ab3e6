using MediatR;

namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>
/// A consumer's check of one pack: the Digital Link URI from the pack's QR (<paramref name="DigitalLink"/>), or what
/// they typed (<paramref name="TypedCode"/>: a China 20-digit code or a pasted Digital Link).
/// </summary>
public sealed record VerifyForConsumerQuery(string? DigitalLink, string? TypedCode) : IRequest<ConsumerVerdict>;
