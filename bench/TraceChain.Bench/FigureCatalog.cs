namespace TraceChain.Bench;

/// <summary>The stable figure names and their goals (issue "Benchmarks"). The report lists all of them,
/// measured or not, so a missing figure is visible rather than silently absent.</summary>
public static class FigureCatalog
{
    public static readonly IReadOnlyList<(string Name, string Goal)> All =
    [
        ("parse_per_s", ">= 500000"),
        ("ingest_hops_per_s", ">= 10000"),
        ("ingest_limit_hops_per_s", "(same-run limit)"),
        ("ingest_ratio_to_limit", ">= 0.5"),
        ("verdict_p99_ms_1m", "<= 0.2"),
        ("verify_http_p50_ms", "(report)"),
        ("verify_http_p99_ms", "<= 5"),
        ("verify_http_rps", ">= 5000"),
        ("proof_ms_1m", "(report)"),
        ("proof_ms_10m", "<= 1"),
        ("verify_p99_ratio_10m_vs_100k", "<= 1.5"),
        ("scan_to_commit_p99_ms", "<= 200"),
        ("mqtt_publish_ratio", ">= 0.8"),
        ("decode_ms_720p", "(report)"),
        ("decode_ratio_vs_zxing_js", ">= 3"),
        ("commission_100k_s", "<= 10"),
    ];

    /// <summary>Goal for a name, or "(report)" for figures outside the catalogue.</summary>
    public static string GoalOf(string name) => All.FirstOrDefault(f => f.Name == name).Goal ?? "(report)";

    /// <summary>True when the goal is met, false when missed, null when there is no numeric goal.</summary>
    public static bool? Meets(string goal, double value)
    {
        var parts = goal.Split(' ', 2);
        if (parts.Length != 2 || !double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var bound))
        {
            return null;
        }

        return parts[0] switch
        {
            ">=" => value >= bound,
            "<=" => value <= bound,
            _ => null,
        };
    }
}
