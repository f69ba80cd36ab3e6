namespace TraceChain.Mqtt.Packets;

/// <summary>Topic names, topic filters and matching (section 4.7).</summary>
public static class MqttTopic
{
    /// <summary>Returns null when <paramref name="topic"/> is a valid topic name to publish to, else the problem.</summary>
    public static string? ProblemWithName(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length == 0)
        {
            return "topic name is empty";
        }

        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            return $"topic name '{topic}' contains a wildcard (+ or #)";
        }

        return topic.Contains('\0', StringComparison.Ordinal) ? "topic name contains U+0000" : null;
    }

    /// <summary>Returns null when <paramref name="filter"/> is a valid topic filter, else the problem.</summary>
    public static string? ProblemWithFilter(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length == 0)
        {
            return "topic filter is empty";
        }

        if (filter.Contains('\0', StringComparison.Ordinal))
        {
            return "topic filter contains U+0000";
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level.Length != 1 || i != levels.Length - 1))
            {
                return $"topic filter '{filter}': '#' must be a whole level and the last one";
            }

            if (level.Contains('+', StringComparison.Ordinal) && level.Length != 1)
            {
                return $"topic filter '{filter}': '+' must be a whole level";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="topic"/> is not a valid topic name.</summary>
    public static void ValidateName(string topic)
    {
        if (ProblemWithName(topic) is { } problem)
        {
            throw new ArgumentException(problem, nameof(topic));
        }

        MqttStrings.Validate(topic, "topic name");
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="filter"/> is not a valid topic filter.</summary>
    public static void ValidateFilter(string filter)
    {
        if (ProblemWithFilter(filter) is { } problem)
        {
            throw new ArgumentException(problem, nameof(filter));
        }

        MqttStrings.Validate(filter, "topic filter");
    }

    /// <summary>
    /// True when <paramref name="topic"/> matches <paramref name="filter"/>. Filters starting with a wildcard do
    /// not match topics starting with '$' (section 4.7.2). Both arguments must be valid.
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
        {
            return false;
        }

        var f = filter.AsSpan();
        var t = topic.AsSpan();
        while (true)
        {
            var fEnd = f.IndexOf('/');
            var fLevel = fEnd < 0 ? f : f[..fEnd];
            if (fLevel is "#")
            {
                return true;
            }

            var tEnd = t.IndexOf('/');
            var tLevel = tEnd < 0 ? t : t[..tEnd];
            if (fLevel is not "+" && !fLevel.SequenceEqual(tLevel))
            {
                return false;
            }

            if (fEnd < 0 || tEnd < 0)
            {
                // "a/#" also matches "a": the filter's remaining "#" covers the parent level.
                return fEnd < 0 && tEnd < 0 || (tEnd < 0 && f[(fEnd + 1)..] is "#");
            }

            f = f[(fEnd + 1)..];
            t = t[(tEnd + 1)..];
        }
    }
}
