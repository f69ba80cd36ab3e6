using TraceLedger.Packs;

namespace TraceGateway.Features.VerifyPhoto;

/// <summary>
/// What a photo check found: a verdict for the pack code in the photo, or why there is none. Anonymous callers see
/// this, so it holds only the consumer verdict (no partner data) and what was read from the photo.
/// </summary>
/// <param name="Outcome">One of the constants below.</param>
/// <param name="Verdict">The consumer verdict (outcome <see cref="Verified"/> only).</param>
/// <param name="Code">The pack code read, as a person reads it: GS1 HRI, Digital Link URI or China code.</param>
/// <param name="CodesFound">Codes found in the photo.</param>
/// <param name="Notes">What the consumer should know about the choice: <see cref="SeveralCodes"/>, <see cref="SeveralPacks"/>, <see cref="OtherWebsite"/>.</param>
/// <param name="Website">For <see cref="OtherWebsite"/>: the host the QR code points to.</param>
/// <param name="Detail">A technical explanation (English) for the JSON answer.</param>
public sealed record PhotoCheck(
    string Outcome,
    ConsumerVerdict? Verdict,
    string? Code,
    int CodesFound,
    IReadOnlyList<string> Notes,
    string? Website,
    string Detail)
{
    public const string Verified = "verdict";
    public const string NoPhoto = "no_photo";
    public const string NoCode = "no_code";
    public const string UnreadableImage = "unreadable_image";
    public const string ImageTooLarge = "image_too_large";
    public const string NotAPackCode = "not_a_pack_code";
    public const string Busy = "busy";

    public const string SeveralCodes = "several_codes";
    public const string SeveralPacks = "several_packs";
    public const string OtherWebsite = "other_website";

    public static PhotoCheck Failed(string outcome, string detail, int codesFound = 0) => new(outcome, null, null, codesFound, [], null, detail);
}
