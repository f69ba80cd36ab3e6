using TraceChain.Mqtt.Client;

namespace TraceChain.Mqtt.Tests.Client;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_DoublesWithJitterUpToTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(7));
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var cap = Math.Min(5000, 100 * Math.Pow(2, Math.Min(attempt, 30)));
            var delay = backoff.Next(attempt).TotalMilliseconds;
            Assert.InRange(delay, cap / 2, cap);
        }
    }

    [Fact]
    public void Next_SpreadsClientsApart()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(1));
        var delays = Enumerable.Range(0, 50).Select(_ => backoff.Next(3)).Distinct().Count();
        Assert.True(delays > 40, $"only {delays} distinct delays");
    }
}
