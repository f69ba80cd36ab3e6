using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Diagnosis;

/// <summary>
/// Explains why a scan is invalid in terms of scanner setup (dropped GS separators, keyboard layout, Caps Lock,
/// CR/LF suffix, AIM prefix) and how to fix it. It tries candidate repairs, alone and in pairs, on the raw scan and
/// re-parses; the smallest repairs that give a valid parse are the diagnosis, likeliest first.
/// </summary>
public static class ScanDiagnosis
{
    private const int MaxPaths = 3;
    private const double NoAimConfidence = 0.3;
    private const double SuspectedDropConfidence = 0.4;

    private static readonly RepairStep[] Normalisers =
    [
        RepairStep.StripLineEnding, RepairStep.RemoveUnexpectedAim, RepairStep.RestoreAimBracket, RepairStep.UndoAzerty,
        RepairStep.UndoQwertz, RepairStep.InvertCase, RepairStep.FixAimCase, RepairStep.RestoreSubstitutedSeparator,
    ];

    /// <summary>Diagnoses <paramref name="raw"/> with default parse options.</summary>
    public static IReadOnlyList<ScanFinding> Diagnose(string raw) => Diagnose(raw, Gs1ParseOptions.Default);

    /// <summary>
    /// Diagnoses <paramref name="raw"/> (the scan exactly as received). Returns the findings, highest confidence
    /// first; an empty list means a valid scan from a well-configured scanner.
    /// </summary>
    public static IReadOnlyList<ScanFinding> Diagnose(string raw, Gs1ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(options);
        var original = Gs1Parser.Parse(raw, options);
        return original.Success ? DiagnoseValid(raw, original, options) : DiagnoseInvalid(raw, original, options);
    }

    private static List<ScanFinding> DiagnoseValid(string raw, Gs1ParseResult original, Gs1ParseOptions options)
    {
        var findings = new List<ScanFinding>();

        // Text stand-ins such as "<GS>" are valid CSET 82, so such a scan parses, with one value holding the rest.
        foreach (var (text, standIn) in RepairSteps.Apply(RepairStep.RestoreSubstitutedSeparator, raw, original.ReferenceYear))
        {
            var parse = Gs1Parser.Parse(text, options);
            if (parse.Success && parse.Elements.Count > original.Elements.Count)
            {
                var (code, message, fix) = FindingText.For(RepairStep.RestoreSubstitutedSeparator, raw, standIn, parse);
                findings.Add(new ScanFinding(code, message, fix, Prior(RepairStep.RestoreSubstitutedSeparator, raw), text, parse));
                return findings;
            }
        }

        if (!raw.Contains(Gs1Formatter.GroupSeparator, StringComparison.Ordinal) && original.GetValue("01") is not null
            && original.GetValue("21") is null)
        {
            // A pack code without a serial whose last variable value hides "21...": the classic dropped-GS read that
            // still happens to be valid.
            var best = Best(SeparatorSearch.Find(raw, original.ReferenceYear), options, requireAi: "21");
            if (best is { } found)
            {
                var (_, message, fix) = FindingText.For(RepairStep.InsertDroppedSeparators, raw, null, found.Parse);
                findings.Add(new ScanFinding(ScanFindingCode.SeparatorsDropped,
                    $"The scan is valid as {original.HumanReadable}, but it has no serial and a value contains what looks like AI (21). " + message,
                    fix, SuspectedDropConfidence / found.Ties, found.Text, found.Parse));
            }
        }

        if (original.Aim is null && original.Format == Gs1InputFormat.ElementString)
        {
            findings.Add(new ScanFinding(ScanFindingCode.AimMissing, FindingText.NoAim, FindingText.NoAimFix, NoAimConfidence, raw, original));
        }

        return findings;
    }

    private static List<ScanFinding> DiagnoseInvalid(string raw, Gs1ParseResult original, Gs1ParseOptions options)
    {
        var successes = new List<(RepairStep[] Steps, Candidate Found, double Confidence)>();
        foreach (var path in Paths())
        {
            if (successes.Exists(s => s.Steps.All(path.Contains)))
            {
                continue; // a smaller repair already explains the scan
            }

            if (Evaluate(raw, path, original.ReferenceYear, options) is { } found)
            {
                successes.Add((path, found, path.Aggregate(1.0, (c, s) => c * Prior(s, raw)) / found.Ties));
            }
        }

        var findings = new List<ScanFinding>();
        foreach (var (steps, found, confidence) in successes.OrderByDescending(s => s.Confidence).Take(MaxPaths))
        {
            foreach (var step in steps)
            {
                var (code, message, fix) = FindingText.For(step, raw, found.Details.GetValueOrDefault(step), found.Parse);
                if (!findings.Exists(f => f.Code == code))
                {
                    findings.Add(new ScanFinding(code, message, fix, confidence, found.Text, found.Parse));
                }
            }
        }

        if (findings.Count == 0)
        {
            findings.Add(new ScanFinding(ScanFindingCode.CodeInvalid, FindingText.Invalid(original.Error!), FindingText.InvalidFix(original.Error!), 0.9, null, null));
        }

        var top = findings[0];
        if (top.Repaired is { } repaired && top.RepairedInput is { } repairedInput)
        {
            // The repaired scan may itself carry further faults (e.g. CR/LF left in and separators dropped).
            foreach (var more in DiagnoseValid(repairedInput, repaired, options))
            {
                if (!findings.Exists(f => f.Code == more.Code) && (more.Code != ScanFindingCode.AimMissing || original.Aim is null))
                {
                    findings.Add(more with { Confidence = more.Confidence * top.Confidence });
                }
            }
        }
        else if (original.Aim is null && !raw.StartsWith(']'))
        {
            findings.Add(new ScanFinding(ScanFindingCode.AimMissing, FindingText.NoAim, FindingText.NoAimFix, NoAimConfidence, null, null));
        }

        return [.. findings.OrderByDescending(f => f.Confidence)];
    }

    /// <summary>Every repair path: one or two normalisers in fixed order, each optionally followed by GS insertion.</summary>
    private static IEnumerable<RepairStep[]> Paths()
    {
        yield return [RepairStep.InsertDroppedSeparators];
        foreach (var step in Normalisers)
        {
            yield return [step];
            yield return [step, RepairStep.InsertDroppedSeparators];
        }

        for (var i = 0; i < Normalisers.Length; i++)
        {
            for (var j = i + 1; j < Normalisers.Length; j++)
            {
                yield return [Normalisers[i], Normalisers[j]];
                yield return [Normalisers[i], Normalisers[j], RepairStep.InsertDroppedSeparators];
            }
        }
    }

    private static Candidate? Evaluate(string raw, RepairStep[] path, int referenceYear, Gs1ParseOptions options)
    {
        var frontier = new List<(string Text, Dictionary<RepairStep, string?> Details)> { (raw, []) };
        foreach (var step in path)
        {
            var next = new List<(string, Dictionary<RepairStep, string?>)>();
            foreach (var (text, details) in frontier)
            {
                foreach (var (variant, detail) in RepairSteps.Apply(step, text, referenceYear))
                {
                    next.Add((variant, new Dictionary<RepairStep, string?>(details) { [step] = detail }));
                }
            }

            if (next.Count == 0)
            {
                return null;
            }

            frontier = next;
        }

        var unique = new Dictionary<string, Dictionary<RepairStep, string?>>(StringComparer.Ordinal);
        foreach (var (text, details) in frontier)
        {
            unique.TryAdd(text, details);
        }

        return Best(unique.Keys, options, requireAi: null, unique);
    }

    private static Candidate? Best(IEnumerable<string> texts, Gs1ParseOptions options, string? requireAi,
        Dictionary<string, Dictionary<RepairStep, string?>>? details = null)
    {
        Candidate? best = null;
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            var parse = Gs1Parser.Parse(text, options);
            if (!parse.Success || (requireAi is not null && parse.GetValue(requireAi) is null))
            {
                continue;
            }

            var cost = SeparatorSearch.Cost(parse);
            var found = new Candidate(text, parse, cost, 1, details?.GetValueOrDefault(text) ?? []);
            best = best is null || cost < best.Cost ? found
                : cost == best.Cost ? best with { Ties = best.Ties + 1 }
                : best;
        }

        return best;
    }

    private static double Prior(RepairStep step, string raw) => step switch
    {
        // Upper-case AIM letter and only upper-case data: a scanner forcing upper case, likelier than Caps Lock.
        RepairStep.FixAimCase => raw.Length > 3 && char.IsAsciiLetterUpper(raw[1]) && !raw.AsSpan(3).ContainsAnyInRange('a', 'z') ? 0.85 : 0.5,
        RepairStep.StripLineEnding => 0.95,
        RepairStep.InsertDroppedSeparators => 0.9,
        RepairStep.UndoAzerty or RepairStep.UndoQwertz => 0.85,
        RepairStep.InvertCase => 0.8,
        RepairStep.RestoreSubstitutedSeparator => 0.8,
        RepairStep.RestoreAimBracket => 0.7,
        _ => 0.6,
    };

    private sealed record Candidate(string Text, Gs1ParseResult Parse, int Cost, int Ties, Dictionary<RepairStep, string?> Details);
}
