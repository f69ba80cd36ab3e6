namespace TraceGateway.Features.VerifyPhoto;

/// <summary>The pack code chosen among the codes of a photo, or why none is a pack code.</summary>
/// <param name="Scan">What to verify (GS1 data in bracketed form, a Digital Link URI or a China code); null when no code identifies a pack.</param>
/// <param name="Shown">The chosen code as a person reads it.</param>
/// <param name="Notes">Notes for the consumer (<see cref="PhotoCheck"/> note constants).</param>
/// <param name="Website">The host of a Digital Link on a domain other than the platform's.</param>
/// <param name="Problem">Why the first code found is not a pack code (when <paramref name="Scan"/> is null).</param>
public sealed record PackCodeChoice(string? Scan, string? Shown, IReadOnlyList<string> Notes, string? Website, string? Problem);
