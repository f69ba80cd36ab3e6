namespace TraceChain.Protocol.Gs1;

/// <summary>
/// Rules over the whole set of elements: duplicates (same AI, different value), mandatory associations
/// ("req") and invalid pairings ("ex") from the GS1 Syntax Dictionary.
/// </summary>
internal static class ElementRules
{
    public static Gs1Error? Check(List<Gs1Element> elements, bool checkAssociations, ref List<Gs1Warning>? warnings)
    {
        for (var i = 1; i < elements.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (!ReferenceEquals(elements[i].Definition, elements[j].Definition))
                {
                    continue;
                }

                if (!string.Equals(elements[i].Value, elements[j].Value, StringComparison.Ordinal))
                {
                    return new Gs1Error(Gs1ErrorCode.ConflictingDuplicate, elements[i].Ai, elements[i].Position,
                        $"appears twice with different values '{elements[j].Value}' and '{elements[i].Value}'");
                }

                (warnings ??= []).Add(new Gs1Warning(Gs1WarningCode.RepeatedAi, elements[i].Ai, elements[i].Position, $"AI ({elements[i].Ai}) repeated with the same value"));
                break;
            }
        }

        return checkAssociations ? CheckAssociations(elements) : null;
    }

    private static Gs1Error? CheckAssociations(List<Gs1Element> elements)
    {
        // Index loops over the interfaces: foreach would allocate an enumerator per list on this hot path.
        for (var e = 0; e < elements.Count; e++)
        {
            var element = elements[e];
            var requires = element.Definition.Requires;
            for (var g = 0; g < requires.Count; g++)
            {
                var group = requires[g];
                if (!AnyMatches(elements, group))
                {
                    return new Gs1Error(Gs1ErrorCode.MissingAssociation, element.Ai, element.Position,
                        $"({element.Definition.Title}) needs " + (group.Count == 1 ? $"AI ({group[0]})" : $"one of AIs ({string.Join("), (", group)})") + " in the same data");
                }
            }

            var excludes = element.Definition.Excludes;
            for (var x = 0; x < excludes.Count; x++)
            {
                for (var o = 0; o < elements.Count; o++)
                {
                    var other = elements[o];
                    if (!ReferenceEquals(other.Definition, element.Definition) && Matches(excludes[x], other.Ai))
                    {
                        return new Gs1Error(Gs1ErrorCode.InvalidPairing, element.Ai, Math.Max(element.Position, other.Position),
                            $"must not appear together with AI ({other.Ai})");
                    }
                }
            }
        }

        return null;
    }

    private static bool AnyMatches(List<Gs1Element> elements, IReadOnlyList<string> patterns)
    {
        for (var o = 0; o < elements.Count; o++)
        {
            var ai = elements[o].Ai;
            for (var p = 0; p < patterns.Count; p++)
            {
                if (Matches(patterns[p], ai))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="ai"/> matches <paramref name="pattern"/>, where 'n' stands for any digit.</summary>
    internal static bool Matches(string pattern, string ai)
    {
        if (pattern.Length != ai.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != ai[i] && pattern[i] != 'n')
            {
                return false;
            }
        }

        return true;
    }
}
