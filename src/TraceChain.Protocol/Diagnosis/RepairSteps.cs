using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Diagnosis;

/// <summary>Applies one <see cref="RepairStep"/> to a scan, giving zero or more candidate texts.</summary>
internal static class RepairSteps
{
    private const char Gs = Gs1Formatter.GroupSeparator;

    // What keyboard-wedge setups commonly send in place of GS: text placeholders, the visible GS symbol, and the
    // characters scanners offer as "FNC1 substitute" (none of them is in CSET 82).
    private static readonly string[] SeparatorStandIns = ["<GS>", "{GS}", "[GS]", "<FNC1>", "^]", "\u241d", "~", "|", "^", "@", "#", "\\"];

    private static readonly string[] Gs1AimsWithoutBracket = ["d2", "Q3", "C1", "e0", "J1"];

    /// <summary>The candidate texts after <paramref name="step"/>, each with a detail for the message.</summary>
    public static IEnumerable<(string Text, string? Detail)> Apply(RepairStep step, string text, int referenceYear) => step switch
    {
        RepairStep.StripLineEnding => One(StripLineEnding(text)),
        RepairStep.RemoveUnexpectedAim => One(RemoveUnexpectedAim(text)),
        RepairStep.RestoreAimBracket => One(RestoreAimBracket(text)),
        RepairStep.UndoAzerty => One(KeyboardLayouts.Undo(text, KeyboardLayouts.Azerty)),
        RepairStep.UndoQwertz => One(KeyboardLayouts.Undo(text, KeyboardLayouts.Qwertz)),
        RepairStep.InvertCase => One(InvertCase(text)),
        RepairStep.FixAimCase => One(FixAimCase(text)),
        RepairStep.RestoreSubstitutedSeparator => RestoreSeparators(text),
        _ => SeparatorSearch.Find(text, referenceYear).Select(t => (t, (string?)null)),
    };

    private static IEnumerable<(string Text, string? Detail)> One(string? text) => text is null ? [] : [(text, null)];

    private static string? StripLineEnding(string text)
    {
        var trimmed = text.Trim('\r', '\n', '\t', '\u0002', '\u0003', '\u0004');
        return trimmed.Length == text.Length ? null : trimmed;
    }

    private static string? RemoveUnexpectedAim(string text) =>
        AimIdentifier.TryParse(text, out var aim) && !aim.IsGs1 ? text[3..] : null;

    private static string? RestoreAimBracket(string text)
    {
        foreach (var aim in Gs1AimsWithoutBracket)
        {
            if (text.StartsWith(aim, StringComparison.Ordinal) && text.Length > 2 && char.IsAsciiDigit(text[2]))
            {
                return "]" + text;
            }
        }

        return null;
    }

    private static string? InvertCase(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(chars[i]))
            {
                chars[i] = (char)(chars[i] ^ 0x20);
                changed = true;
            }
        }

        return changed ? new string(chars) : null;
    }

    private static string? FixAimCase(string text)
    {
        if (!AimIdentifier.TryParse(text, out var aim))
        {
            return null;
        }

        var flipped = new AimIdentifier((char)(aim.Code ^ 0x20), aim.Modifier);
        return (flipped.IsGs1 && !aim.IsGs1) || aim.IsEanUpc || flipped.IsEanUpc ? string.Concat(flipped.ToString(), text.AsSpan(3)) : null;
    }

    private static IEnumerable<(string Text, string? Detail)> RestoreSeparators(string text)
    {
        var start = AimIdentifier.TryParse(text, out _) ? 3 : 0;
        foreach (var standIn in SeparatorStandIns)
        {
            if (text.IndexOf(standIn, start, StringComparison.Ordinal) >= 0)
            {
                yield return (string.Concat(text.AsSpan(0, start), text[start..].Replace(standIn, Gs.ToString(), StringComparison.Ordinal)), standIn);
            }
        }
    }
}
