using System.Text.Json;
using TraceChain.Bench;

namespace TraceChain.Bench.Tests;

public sealed class ReportTests
{
    private static readonly Figure[] Figures =
    [
        new("parse_per_s", 750_000, "1/s"),
        new("ingest_hops_per_s", 4_000, "hops/s", Limit: 10_000, Ratio: 0.4),
    ];

    [Fact]
    public void Json_HasTheFixedShape_WithGoalLimitAndRatio()
    {
        using var doc = JsonDocument.Parse(Report.ToJson("abc123", quick: true, Figures));
        Assert.Equal("abc123", doc.RootElement.GetProperty("commit").GetString());
        Assert.True(doc.RootElement.GetProperty("quick").GetBoolean());
        var ingest = doc.RootElement.GetProperty("figures")[1];
        Assert.Equal("ingest_hops_per_s", ingest.GetProperty("name").GetString());
        Assert.Equal(">= 10000", ingest.GetProperty("goal").GetString());
        Assert.Equal(10_000, ingest.GetProperty("limit").GetDouble());
        Assert.Equal(0.4, ingest.GetProperty("ratio").GetDouble());
    }

    [Fact]
    public void Markdown_MarksMissedGoals_AndListsUnmeasuredFigures()
    {
        var md = Report.ToMarkdown("abc123", false, DateTimeOffset.UnixEpoch, Figures, new Dictionary<string, string> { ["mqtt"] = "broker missing" });
        Assert.Contains("| parse_per_s | 750,000 | 1/s | >= 500000 |", md, StringComparison.Ordinal);
        Assert.Contains("| ingest_hops_per_s | 4,000 | hops/s | >= 10000 | 10,000 | 0.4 | **no** |", md, StringComparison.Ordinal);
        Assert.Contains("| decode_ms_720p | – |", md, StringComparison.Ordinal);
        Assert.Contains("- mqtt: broker missing", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_GivesTheProfileOfAMeasuredFigure_AndNotOfAnUnmeasuredOne()
    {
        var (figure, text) = ProfileNotes.All[0];
        var with = Report.ToMarkdown("abc123", true, DateTimeOffset.UnixEpoch, [new(figure, 1, "x")], new Dictionary<string, string>());
        Assert.Contains("## Profiles: what limits the figures", with, StringComparison.Ordinal);
        Assert.Contains($"**{figure}**. {text}", with, StringComparison.Ordinal);

        var without = Report.ToMarkdown("abc123", true, DateTimeOffset.UnixEpoch, [new("not_profiled_figure", 1, "x")], new Dictionary<string, string>());
        Assert.DoesNotContain("## Profiles", without, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">= 10", 10, true)]
    [InlineData(">= 10", 9.9, false)]
    [InlineData("<= 0.2", 0.25, false)]
    [InlineData("(report)", 1, null)]
    public void Meets_ComparesAgainstTheGoal(string goal, double value, bool? expected) =>
        Assert.Equal(expected, FigureCatalog.Meets(goal, value));

    [Fact]
    public void Percentile_IsNearestRank()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(10, Measure.Percentile(values, 99));
        Assert.Equal(5, Measure.Percentile(values, 50));
        Assert.Equal(5.5, Measure.MedianOf(values));
    }
}
