using TraceLedger.Log;

namespace TraceLedger.Tests.Log;

public sealed class WriteAnswerTimesTests
{
    [Theory]
    [InlineData(0.1, 0)]
    [InlineData(0.5, 0)]
    [InlineData(0.51, 1)]
    [InlineData(4.9, 3)]
    [InlineData(5, 3)]
    [InlineData(5.1, 4)]
    [InlineData(50, 6)]
    [InlineData(999, 7)]
    public void Bucket_CountsAnAnswerUpToItsBound(double ms, int bucket) => Assert.Equal(bucket, WriteAnswerTimes.Bucket(ms));

    [Fact]
    public void ShareSlowerThan_AndSince_CountOnlyTheAnswersBetween()
    {
        WriteAnswerTimes earlier = new([1, 0, 0, 1, 0, 0, 0, 0]);
        WriteAnswerTimes later = new([3, 1, 0, 2, 2, 1, 0, 1]);

        var between = later.Since(earlier);

        Assert.Equal(8, between.Total);
        Assert.Equal(4 / 8.0, between.ShareSlowerThan(5));
        Assert.Equal(1 / 8.0, between.ShareSlowerThan(50));
        Assert.Throws<ArgumentOutOfRangeException>(() => between.ShareSlowerThan(3));
    }
}
