using System.Text;
using FirmwareSim.Scenarios;

namespace FirmwareSim.Tests.Scenarios;

public sealed class ScenarioParserTests
{
    [Fact]
    public void Parse_ExampleFile_ReadsEveryStep()
    {
        var steps = ScenarioParser.Parse(File.ReadAllText(TestFiles.Scenario("ssi-faults.txt")));

        Assert.Equal(10, steps.Count);
        Assert.Equal(ScenarioAction.BadChecksum, steps[1].Action);
        Assert.Equal(0, steps[0].Scanner);
        Assert.Null(steps[0].Delay);
        Assert.Equal((1, TimeSpan.FromMilliseconds(300)), (steps[7].Scanner, steps[7].Duration));
        Assert.Equal(5, steps[4].Count);
    }

    [Fact]
    public void Parse_GsEscape_BecomesByte0x1D()
    {
        var step = Assert.Single(ScenarioParser.Parse("2 150 scan ]d2010950600013435221A\\x1d10B\n"));

        Assert.Equal("]d2010950600013435221A\u001d10B", Encoding.Latin1.GetString(step.Data));
        Assert.Equal((2, TimeSpan.FromMilliseconds(150)), (step.Scanner, step.Delay));
    }

    [Fact]
    public void BurstData_ReplacesIndexPlaceholder()
    {
        var step = Assert.Single(ScenarioParser.Parse("* 0 burst 3 CODE{n}X"));

        Assert.Equal("CODE2X", Encoding.Latin1.GetString(step.BurstData(2)));
    }

    [Theory]
    [InlineData("1 - jump X", "line 1: unknown action 'jump'")]
    [InlineData("# c\n0 - scan X", "line 2: scanner must be a whole number >= 1")]
    [InlineData("1 soon scan X", "line 1: delay must be a whole number")]
    [InlineData("1 - scan", "line 1: scan data is missing")]
    [InlineData("1 - scan A\\x1", "line 1: \\x needs two hex digits")]
    [InlineData("1 - burst 3", "line 1: burst needs")]
    [InlineData("1 -", "line 1: expected")]
    public void Parse_BadLine_NamesLineAndProblem(string text, string message)
    {
        var ex = Assert.Throws<ScenarioFormatException>(() => ScenarioParser.Parse(text));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }
}
