using System.Text;
using FsCheck;
using FsCheck.Xunit;
using TraceChain.Protocol.Notifications;

namespace TraceChain.Protocol.Tests.Notifications;

public sealed class RecallTopicTests
{
    [Theory]
    [InlineData("B1", "tracechain/recalls/09506000134352/B1")]
    [InlineData("L/2+x", "tracechain/recalls/09506000134352/L%2F2%2Bx")]
    [InlineData("50%#", "tracechain/recalls/09506000134352/50%25%23")]
    [InlineData("a b", "tracechain/recalls/09506000134352/a%20b")]
    public void Format_EscapesSeparatorsWildcardsAndPercent(string batch, string topic)
    {
        Assert.Equal(topic, RecallTopic.Format("tracechain", "09506000134352", batch));
        Assert.True(RecallTopic.TryParse(topic, "tracechain", out var gtin, out var parsed));
        Assert.Equal(("09506000134352", batch), (gtin, parsed));
    }

    [Property(MaxTest = 500)]
    public void EncodeLevel_AnyText_IsOneWildcardFreeLevelThatDecodesBack(NonNull<string> value)
    {
        if (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value.Get)) != value.Get)
        {
            return; // a lone surrogate is not text a batch can hold
        }

        var level = RecallTopic.EncodeLevel(value.Get);
        Assert.True(level.IndexOfAny(['/', '+', '#', '\0']) < 0, level);
        Assert.Equal(value.Get, RecallTopic.DecodeLevel(level));
    }

    [Theory]
    [InlineData("other/recalls/1/B1")]
    [InlineData("tracechain/recalls/1")]
    [InlineData("tracechain/recalls/1/B1/extra")]
    [InlineData("tracechain/recalls/1/%2")]
    [InlineData("tracechain/recalls/1/%ZZ")]
    [InlineData("tracechain/recalls/1/%FF")]
    [InlineData("tracechain/recalls//B1")]
    [InlineData("tracechain/alerts/4012340000011")]
    public void TryParse_NotARecallTopic_IsRefused(string topic) =>
        Assert.False(RecallTopic.TryParse(topic, "tracechain", out _, out _));

    [Fact]
    public void Alerts_IsOneTopicPerParty() =>
        Assert.Equal("tc/alerts/4012340000011", RecallTopic.Alerts("tc", "4012340000011"));
}
