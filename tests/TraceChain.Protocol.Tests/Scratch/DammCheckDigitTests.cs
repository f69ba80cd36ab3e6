using TraceChain.Protocol.Scratch;

namespace TraceChain.Protocol.Tests.Scratch;

public sealed class DammCheckDigitTests
{
    [Theory]
    [InlineData("572", '4')] // the worked example in Damm's description
    [InlineData("", '0')]
    [InlineData("483012759916024", '0')]
    [InlineData("526018159083016", '9')]
    public void Compute_KnownVectors(string digits, char expected) => Assert.Equal(expected, DammCheckDigit.Compute(digits));

    [Fact]
    public void IsValid_AcceptsDigitsFollowedByTheirCheckDigit()
    {
        Assert.True(DammCheckDigit.IsValid("5724"));
        Assert.False(DammCheckDigit.IsValid("5723"));
        Assert.False(DammCheckDigit.IsValid(""));
    }

    [Fact]
    public void Compute_NonDigit_Throws() => Assert.Throws<ArgumentException>(() => DammCheckDigit.Compute("12a"));

    [Fact]
    public void AllTwoDigitTranspositions_AreDetected()
    {
        // Exhaustive over every pair and every interim state: the property the scratch code relies on.
        for (var prefix = 0; prefix < 100; prefix++)
        {
            for (var a = 0; a < 10; a++)
            {
                for (var b = 0; b < 10; b++)
                {
                    if (a == b)
                    {
                        continue;
                    }

                    var p = prefix.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                    var right = $"{p}{a}{b}";
                    var swapped = $"{p}{b}{a}";
                    Assert.NotEqual(DammCheckDigit.Compute(right), DammCheckDigit.Compute(swapped));
                }
            }
        }
    }
}
