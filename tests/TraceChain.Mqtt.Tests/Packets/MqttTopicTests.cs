using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

public sealed class MqttTopicTests
{
    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("a/#")]
    [InlineData("a/+/c")]
    [InlineData("+/+")]
    [InlineData("/")]
    [InlineData("a//b")]
    [InlineData("tracechain/+/scanners/+/scan")]
    public void Filter_Valid_HasNoProblem(string filter) => Assert.Null(MqttTopic.ProblemWithFilter(filter));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a/#/b", "'#' must be a whole level and the last one")]
    [InlineData("a#", "'#' must be a whole level")]
    [InlineData("a/b#", "'#' must be a whole level")]
    [InlineData("a+/b", "'+' must be a whole level")]
    [InlineData("a/+b", "'+' must be a whole level")]
    [InlineData("a\0b", "U+0000")]
    public void Filter_Invalid_NamesTheProblem(string filter, string problem) =>
        Assert.Contains(problem, MqttTopic.ProblemWithFilter(filter), StringComparison.Ordinal);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a/+", "wildcard")]
    [InlineData("a/#", "wildcard")]
    public void Name_Invalid_NamesTheProblem(string topic, string problem) =>
        Assert.Contains(problem, MqttTopic.ProblemWithName(topic), StringComparison.Ordinal);

    [Theory]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("#", "sport/tennis", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("#", "$SYS/broker", false)]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [InlineData("$SYS/#", "$SYS/broker", true)]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/b/c", false)]
    [InlineData("a/b/c", "a/b", false)]
    [InlineData("a/b", "A/b", false)]
    [InlineData("tracechain/+/scanners/+/scan", "tracechain/site1/scanners/sc-7/scan", true)]
    [InlineData("tracechain/+/scanners/+/scan", "tracechain/site1/scanners/sc-7/verdict", false)]
    public void Matches_FollowsSpecExamples(string filter, string topic, bool expected) =>
        Assert.Equal(expected, MqttTopic.Matches(filter, topic));
}
