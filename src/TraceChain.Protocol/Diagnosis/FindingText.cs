using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Diagnosis;

/// <summary>The words of each finding: what was seen and how to fix the scanner.</summary>
internal static class FindingText
{
    public static (ScanFindingCode Code, string Message, string Fix) For(RepairStep step, string raw, string? detail, Gs1ParseResult repaired) => step switch
    {
        RepairStep.InsertDroppedSeparators => (ScanFindingCode.SeparatorsDropped,
            $"The GS (FNC1) separators are missing, so {Swallowers(repaired)} ran into the next element. With separators restored it reads {repaired.HumanReadable}.",
            "Your scanner drops the GS (FNC1) separators: enable 'transmit FNC1 as GS (0x1D)' (often called 'GS1 FNC1 substitution' or 'transmit <GS>'). "
            + "A keyboard-wedge (USB HID keyboard) scanner usually cannot type GS: switch it to USB-COM (serial) or HID-POS mode, or set a substitute character the agent maps back."),
        RepairStep.RestoreSubstitutedSeparator => (ScanFindingCode.SeparatorSubstituted,
            $"The GS (FNC1) separators arrive as '{detail}'. Read with GS in their place: {repaired.HumanReadable}.",
            $"Set the scanner's FNC1/GS substitution to the GS character (0x1D) instead of '{detail}', or configure the agent to map '{detail}' back to GS."),
        RepairStep.UndoAzerty => (ScanFindingCode.KeyboardLayoutAzerty,
            $"The scan looks typed on a French AZERTY keyboard by a scanner set to US: digits arrive as &é\"'(-è_çà and A/Q, Z/W are swapped. Read with the layout undone: {repaired.HumanReadable}.",
            "Set the scanner's keyboard country to French (AZERTY), or enable 'Alt+keypad' / 'universal keyboard' emulation, or better use USB-COM (serial) mode."),
        RepairStep.UndoQwertz => (ScanFindingCode.KeyboardLayoutQwertz,
            $"The scan looks typed on a German QWERTZ keyboard by a scanner set to US: Y and Z are swapped and ']' arrives as '+'. Read with the layout undone: {repaired.HumanReadable}.",
            "Set the scanner's keyboard country to German (QWERTZ), or enable 'Alt+keypad' / 'universal keyboard' emulation, or better use USB-COM (serial) mode."),
        RepairStep.InvertCase => (ScanFindingCode.CapsLock,
            $"Letters arrive with inverted case (e.g. the AIM prefix '{Head(raw)}'): Caps Lock is on at the computer. Read with case restored: {repaired.HumanReadable}.",
            "Turn Caps Lock off, or set the scanner to 'ignore Caps Lock' / case-independent keyboard emulation, or use USB-COM (serial) mode."),
        RepairStep.FixAimCase => (ScanFindingCode.CaseConverted,
            $"The AIM prefix '{Head(raw)}' has the wrong letter case: the scanner converts letters to upper or lower case, so serial numbers and batches with letters will not match the manufacturer's data.",
            "Disable case conversion ('convert to upper/lower case') in the scanner's data formatting settings."),
        RepairStep.StripLineEnding => (ScanFindingCode.LineEndingLeftIn,
            $"The scan ends with {Describe(raw)} (the scanner's Enter suffix or framing) and it was kept as data. Without it the scan reads {repaired.HumanReadable}.",
            "Let the reader strip the line terminator (line mode with CR/LF as the end of a scan), or turn the scanner's Enter/CR suffix and STX/ETX framing off."),
        RepairStep.RemoveUnexpectedAim => (ScanFindingCode.AimUnexpected,
            $"The scan starts with '{Head(raw)}', which is not a GS1 symbology identifier (]d2 GS1 DataMatrix, ]Q3 GS1 QR, ]C1 GS1-128). Read without it: {repaired.HumanReadable}.",
            "If the prefix is ]d1, ]Q1 or ]C0 the symbol was printed without FNC1 in first position: it is not a valid GS1 code, so report the label to the manufacturer (or check for a counterfeit). Otherwise remove custom prefixes in the scanner configuration."),
        _ => (ScanFindingCode.AimMissing,
            $"The AIM symbology identifier arrives without its ']' ('{raw[..2]}'). Read with it restored: {repaired.HumanReadable}.",
            "The computer's keyboard layout cannot type ']': set the scanner's keyboard country to match the computer, or use USB-COM (serial) mode."),
    };

    public static string Invalid(Gs1Error error) => $"The scan is not valid GS1 data and no usual scanner fault explains it: {error.Message}.";

    public static string InvalidFix(Gs1Error error) => error.Code is Gs1ErrorCode.InvalidCheckDigit or Gs1ErrorCode.InvalidDate
        ? "Rescan; if the result repeats, the code itself is wrong: set the pack aside and report it as possibly counterfeit or misprinted."
        : "Rescan, and check the scanner's data-formatting settings (prefix, suffix, FNC1 transmission); if the same data repeats, report the label as misprinted or possibly counterfeit.";

    public const string NoAim = "The scanner sends no AIM symbology identifier, so a GS1 DataMatrix cannot be told apart from a plain Data Matrix or text.";

    public const string NoAimFix = "Enable 'transmit AIM code ID' (symbology identifier prefix) in the scanner, so scans start with ]d2, ]Q3 or ]C1.";

    private static string Swallowers(Gs1ParseResult repaired)
    {
        var names = new List<string>();
        for (var i = 0; i < repaired.Elements.Count - 1; i++)
        {
            if (repaired.Elements[i].Definition.RequiresSeparator)
            {
                names.Add($"AI ({repaired.Elements[i].Ai})");
            }
        }

        return names.Count == 0 ? "a variable-length value" : string.Join(" and ", names);
    }

    private static string Head(string raw) => raw.Length <= 3 ? raw : raw[..3];

    private static string Describe(string raw)
    {
        var tail = raw.Length - raw.TrimEnd('\r', '\n', '\t', '\u0002', '\u0003', '\u0004').Length;
        var head = raw.Length - raw.TrimStart('\r', '\n', '\t', '\u0002', '\u0003', '\u0004').Length;
        var chars = raw[..head] + raw[^tail..];
        return string.Join(' ', chars.Select(c => c switch { '\r' => "CR", '\n' => "LF", '\t' => "TAB", '\u0002' => "STX", '\u0003' => "ETX", _ => "EOT" }));
    }
}
