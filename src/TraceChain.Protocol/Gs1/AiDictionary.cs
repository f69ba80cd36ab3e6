using System.Diagnostics.CodeAnalysis;

namespace TraceChain.Protocol.Gs1;

/// <summary>
/// Lookup of GS1 Application Identifiers. GS1 AIs form a prefix-free code, so the AI at the start of element
/// data is found by trying its first 2, 3 and 4 digits.
/// </summary>
public static class AiDictionary
{
    private static readonly ApplicationIdentifier?[] ByTwo = new ApplicationIdentifier?[100];
    private static readonly ApplicationIdentifier?[] ByThree = new ApplicationIdentifier?[1000];
    private static readonly ApplicationIdentifier?[] ByFour = new ApplicationIdentifier?[10000];

    // GS1 General Specifications figure 7.8.5-2: element strings of predefined length (no FNC1 after them).
    private static readonly bool[] PredefinedPrefixes = BuildPredefinedPrefixes();

    // GS1 General Specifications figure 3.2-1 (AI length by its first two digits); 0 = prefix not assigned.
    private static readonly byte[] AiLengthByPrefix = BuildAiLengths();

    /// <summary>Every AI this table knows, in table order.</summary>
    public static IReadOnlyList<ApplicationIdentifier> All { get; } = Load();

    /// <summary>Finds the definition of an exact AI such as "01" or "3103".</summary>
    public static bool TryGet(string ai, [NotNullWhen(true)] out ApplicationIdentifier? definition)
    {
        ArgumentNullException.ThrowIfNull(ai);
        return TryGet(ai.AsSpan(), out definition);
    }

    /// <summary>Finds the definition of an exact AI given as characters.</summary>
    public static bool TryGet(ReadOnlySpan<char> ai, [NotNullWhen(true)] out ApplicationIdentifier? definition)
    {
        definition = ai.Length is >= 2 and <= 4 && TryMatchPrefix(ai, out var found) && found.Ai.Length == ai.Length ? found : null;
        return definition is not null;
    }

    /// <summary>
    /// Resolves the AI at the start of <paramref name="data"/> (its length follows from the AI itself), e.g.
    /// "3103000150" gives AI 3103. False when the leading digits are not a known AI.
    /// </summary>
    public static bool TryMatchPrefix(ReadOnlySpan<char> data, [NotNullWhen(true)] out ApplicationIdentifier? definition)
    {
        definition = null;
        var value = 0;
        for (var i = 0; i < data.Length && i < 4; i++)
        {
            var digit = data[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
            definition = i switch
            {
                1 => ByTwo[value],
                2 => ByThree[value],
                3 => ByFour[value],
                _ => null,
            };
            if (definition is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when AIs starting with these two digits have a predefined length (00-04, 11-20, 31-36, 41), so no GS
    /// (FNC1) separator follows them.
    /// </summary>
    public static bool IsPredefinedLengthPrefix(ReadOnlySpan<char> twoDigits) =>
        twoDigits.Length >= 2 && char.IsAsciiDigit(twoDigits[0]) && char.IsAsciiDigit(twoDigits[1])
        && PredefinedPrefixes[((twoDigits[0] - '0') * 10) + (twoDigits[1] - '0')];

    /// <summary>
    /// The length of an AI starting with these two digits per the GS1 table of AI prefixes (2, 3 or 4), or 0 when
    /// the prefix is not assigned. Used to name an unknown AI in error messages.
    /// </summary>
    public static int AiLengthForPrefix(ReadOnlySpan<char> twoDigits) =>
        twoDigits.Length >= 2 && char.IsAsciiDigit(twoDigits[0]) && char.IsAsciiDigit(twoDigits[1])
            ? AiLengthByPrefix[((twoDigits[0] - '0') * 10) + (twoDigits[1] - '0')]
            : 0;

    private static List<ApplicationIdentifier> Load()
    {
        var all = AiTableReader.Read(AiTable.Text);
        foreach (var definition in all)
        {
            var number = int.Parse(definition.Ai, System.Globalization.CultureInfo.InvariantCulture);
            var table = definition.Ai.Length switch { 2 => ByTwo, 3 => ByThree, _ => ByFour };
            table[number] = definition;
        }

        return all;
    }

    private static bool[] BuildPredefinedPrefixes()
    {
        var table = new bool[100];
        foreach (var range in new[] { (0, 4), (11, 20), (31, 36), (41, 41) })
        {
            for (var p = range.Item1; p <= range.Item2; p++)
            {
                table[p] = true;
            }
        }

        return table;
    }

    private static byte[] BuildAiLengths()
    {
        var table = new byte[100];
        void Set(int from, int to, byte length)
        {
            for (var p = from; p <= to; p++)
            {
                table[p] = length;
            }
        }

        Set(0, 4, 2);
        Set(10, 22, 2);
        Set(23, 25, 3);
        Set(30, 30, 2);
        Set(31, 36, 4);
        Set(37, 37, 2);
        Set(39, 39, 4);
        Set(40, 42, 3);
        Set(43, 43, 4);
        Set(70, 70, 4);
        Set(71, 71, 3);
        Set(72, 72, 4);
        Set(80, 82, 4);
        Set(90, 99, 2);
        return table;
    }
}
