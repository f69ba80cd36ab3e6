namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>
/// What a consumer is told about a pack: the verdict and only what is printed on the pack itself — never partners,
/// locations or times of supply-chain steps.
/// </summary>
/// <param name="Verdict">One of <see cref="ConsumerVerdicts"/>.</param>
/// <param name="Problem">For <see cref="ConsumerVerdicts.InvalidCode"/>: what is wrong with the code.</param>
public sealed record ConsumerVerdict(string Verdict, string? Gtin, string? Serial, string? Batch, DateOnly? Expiry, string? ChinaCode, string? Problem);
