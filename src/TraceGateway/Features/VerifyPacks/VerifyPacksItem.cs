using TraceLedger.Packs;

namespace TraceGateway.Features.VerifyPacks;

/// <summary>The verdict for item <see cref="Index"/>, or why that item could not be verified (an unreadable code).</summary>
public sealed record VerifyPacksItem(int Index, Verdict? Verdict, string? Error);
