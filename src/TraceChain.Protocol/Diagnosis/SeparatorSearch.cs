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
    private const int MaxSolutions = 64;
    private const int MaxSteps = 20_000;

    // AIs printed on medicine packs, cases and pallets: a cut that produces them is more plausible than one that
    // produces e.g. an internal AI (90-99) or a measure.
    private static readonly HashSet<string> CommonAis =
    [
        "00", "01", "02", "10", "11", "15", "17", "21", "30", "37", "240", "241", "250", "251", "254", "400",
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

    /// <summary>
    /// Plausibility cost of a reading (lower is likelier): every element costs 1 (fewer cuts are likelier), an AI not
    /// usual on packs and logistic units costs 2 more (3 for internal AIs 90-99), a variable value under 3
    /// characters 1 more, and a GTIN without serial, batch or expiry 2 more for each (EU FMD packs carry all three).
    /// </summary>
    public static int Cost(Gs1ParseResult parse)
    {
        var cost = 0;
        foreach (var element in parse.Elements)
        {
            cost += 1 + (CommonAis.Contains(element.Ai) ? 0 : element.Ai[0] == '9' ? 3 : 2);
            if (!element.Definition.IsFixedLength && element.Value.Length < 3)
            {
                cost += 1;
            }
        }

        if (parse.GetValue("01") is not null)
        {
            cost += (parse.GetValue("21") is null ? 2 : 0) + (parse.GetValue("10") is null ? 2 : 0) + (parse.GetValue("17") is null ? 2 : 0);
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

        // Readings that cut before a usual pack AI are explored first, longest value first (fewest cuts), so they are
        // among the solutions kept even when digit-rich values offer many other cuts (e.g. before AI 91-99).
        for (var pass = 0; pass < 2; pass++)
        {
            for (var end = last; end >= valueStart + definition.MinLength; end--)
            {
                var atBoundary = end == limit;
                ApplicationIdentifier? next = null;
                if (!atBoundary && !AiDictionary.TryMatchPrefix(s.AsSpan(end), out next))
                {
                    continue;
                }

                var usual = next is null || CommonAis.Contains(next.Ai);
                if (usual != (pass == 0) || AiValueValidator.Validate(definition, s.AsSpan(valueStart, end - valueStart), year) is not null)
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
}
