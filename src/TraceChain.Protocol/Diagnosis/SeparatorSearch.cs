using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Diagnosis;

/// <summary>
/// Finds where dropped GS separators belong: every way to cut the data into valid element strings, where a
/// variable-length value may end wherever a known AI follows. Bounded, because scans are short but the number of
/// cuts grows with every digit pair that looks like an AI.
/// </summary>
internal static class SeparatorSearch
{
    private const char Gs = Gs1Formatter.GroupSeparator;
    private const int MaxSolutions = 32;
    private const int MaxSteps = 20_000;

    // AIs printed on medicine packs, cases and pallets: a cut that produces them is more plausible than one that
    // produces e.g. an internal AI (90-99) or a measure.
    private static readonly HashSet<string> CommonAis =
    [
        "00", "01", "02", "10", "11", "15", "17", "21", "22", "30", "37", "240", "241", "250", "251", "254", "400",
        "401", "403", "410", "411", "412", "413", "414", "415", "416", "417", "422", "7003", "710", "711", "712", "713",
        "714", "715", "716", "717", "8003", "8004", "8006", "8018", "8020",
    ];

    /// <summary>Candidate repaired strings: <paramref name="text"/> with GS inserted where values could end.</summary>
    public static List<string> Find(string text, int referenceYear)
    {
        var start = AimIdentifier.TryParse(text, out _) ? 3 : 0;
        var solutions = new List<List<int>>();
        var cuts = new List<int>();
        var steps = 0;
        var dead = new bool[text.Length + 1];
        Walk(text, start, referenceYear, cuts, solutions, dead, ref steps);
        var results = new List<string>(solutions.Count);
        foreach (var solution in solutions)
        {
            if (solution.Count == 0)
            {
                continue;
            }

            var repaired = text;
            for (var i = solution.Count - 1; i >= 0; i--)
            {
                repaired = repaired.Insert(solution[i], Gs.ToString());
            }

            results.Add(repaired);
        }

        return results;
    }

    /// <summary>Plausibility cost of a parse: unusual AIs and very short variable values cost more.</summary>
    public static int Cost(Gs1ParseResult parse)
    {
        var cost = 0;
        foreach (var element in parse.Elements)
        {
            cost += CommonAis.Contains(element.Ai) ? 0 : element.Ai[0] == '9' ? 3 : 2;
            if (!element.Definition.IsFixedLength && element.Value.Length < 3)
            {
                cost += 1;
            }
        }

        return cost;
    }

    // dead[p] records that no complete reading starts at p, so each position is explored once.
    private static void Walk(string s, int p, int year, List<int> cuts, List<List<int>> solutions, bool[] dead, ref int steps)
    {
        if (solutions.Count >= MaxSolutions || ++steps > MaxSteps || dead[p])
        {
            return;
        }

        var found = solutions.Count;
        WalkFrom(s, p, year, cuts, solutions, dead, ref steps);
        if (solutions.Count == found && steps <= MaxSteps)
        {
            dead[p] = true;
        }
    }

    private static void WalkFrom(string s, int p, int year, List<int> cuts, List<List<int>> solutions, bool[] dead, ref int steps)
    {
        if (p < s.Length && s[p] == Gs)
        {
            p++;
        }

        if (p >= s.Length)
        {
            solutions.Add([.. cuts]);
            return;
        }

        if (!AiDictionary.TryMatchPrefix(s.AsSpan(p), out var definition))
        {
            return;
        }

        var valueStart = p + definition.Ai.Length;
        if (definition.IsPredefinedLength)
        {
            var end = valueStart + definition.MaxLength;
            if (end <= s.Length && AiValueValidator.Validate(definition, s.AsSpan(valueStart, definition.MaxLength), year) is null)
            {
                Walk(s, end, year, cuts, solutions, dead, ref steps);
            }

            return;
        }

        var separator = s.IndexOf(Gs, valueStart);
        var limit = separator < 0 ? s.Length : separator;
        var last = Math.Min(limit, valueStart + definition.MaxLength);
        for (var end = valueStart + definition.MinLength; end <= last; end++)
        {
            var atBoundary = end == limit;
            if (!atBoundary && !AiDictionary.TryMatchPrefix(s.AsSpan(end), out _))
            {
                continue;
            }

            if (AiValueValidator.Validate(definition, s.AsSpan(valueStart, end - valueStart), year) is not null)
            {
                continue;
            }

            if (!atBoundary)
            {
                cuts.Add(end);
            }

            Walk(s, end, year, cuts, solutions, dead, ref steps);
            if (!atBoundary)
            {
                cuts.RemoveAt(cuts.Count - 1);
            }
        }
    }
}
