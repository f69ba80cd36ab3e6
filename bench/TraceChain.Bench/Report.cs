using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TraceChain.Bench;

/// <summary>Writes BENCHMARKS.md and bench/results.json from one run's figures.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The machine-readable results, in the shape the issue fixes.</summary>
    public static string ToJson(string commit, bool quick, IReadOnlyList<Figure> figures) =>
        JsonSerializer.Serialize(new
        {
            commit,
            quick,
            figures = figures.Select(f => new
            {
                name = f.Name,
                value = f.Value,
                unit = f.Unit,
                goal = FigureCatalog.GoalOf(f.Name),
                limit = f.Limit,
                ratio = f.Ratio,
            }),
        }, Json);

    /// <summary>The human-readable table: every catalogued figure, then any extra ones, then failures.</summary>
    public static string ToMarkdown(string commit, bool quick, DateTimeOffset date, IReadOnlyList<Figure> figures, IReadOnlyDictionary<string, string> failures)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Written by `scripts/bench.sh{(quick ? " --quick" : "")}` on {date:yyyy-MM-dd HH:mm} UTC, commit `{commit}`, ");
        md.AppendLine(CultureInfo.InvariantCulture, $"on {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
        if (quick)
        {
            md.AppendLine().AppendLine("**Quick mode**: smaller sizes; figures are indicative only.");
        }

        md.AppendLine().AppendLine("| figure | value | unit | goal | limit / peer | ratio | met | note |");
        md.AppendLine("|---|---:|---|---|---:|---:|---|---|");
        var byName = figures.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Last());
        var names = FigureCatalog.All.Select(f => f.Name).Concat(figures.Select(f => f.Name)).Distinct();
        foreach (var name in names)
        {
            var goal = FigureCatalog.GoalOf(name);
            if (!byName.TryGetValue(name, out var f))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | – | | {goal} | | | not measured | no benchmark has landed for it yet |");
                continue;
            }

            var met = FigureCatalog.Meets(goal, f.Value) switch { true => "yes", false => "**no**", null => "" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Format(f.Value)} | {f.Unit} | {goal} | {Format(f.Limit)} | {Format(f.Ratio)} | {met} | {f.Note} |");
        }

        AppendProfiles(md, byName);
        if (failures.Count > 0)
        {
            md.AppendLine().AppendLine("## Benchmarks that failed in this run").AppendLine();
            foreach (var (name, error) in failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {error}");
            }
        }

        return md.ToString();
    }

    /// <summary>What a profile showed limits a measured figure (see <see cref="ProfileNotes"/>), under the table.</summary>
    private static void AppendProfiles(StringBuilder md, IReadOnlyDictionary<string, Figure> measured)
    {
        var notes = ProfileNotes.All.Where(n => measured.ContainsKey(n.Figure)).ToList();
        if (notes.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("## Profiles: what limits the figures").AppendLine();
        foreach (var (figure, text) in notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**{figure}**. {text}").AppendLine();
        }
    }

    private static string Format(double? value) => value switch
    {
        null => "",
        >= 1000 => value.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
