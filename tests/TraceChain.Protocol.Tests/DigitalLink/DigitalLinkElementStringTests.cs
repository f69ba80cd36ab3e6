using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Tests.Gs1;

namespace TraceChain.Protocol.Tests.DigitalLink;

public sealed class DigitalLinkElementStringTests
{
    private const string Stem = "https://id.tracechain.example";
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    [Fact]
    public void ScannedDataMatrix_BecomesTheDigitalLinkAndBack()
    {
        var scanned = Gs1Parser.Parse("]d2010950600013435217261231" + "10ABC\u001D21123", Options);
        Assert.True(DigitalLinkUri.TryCreate(Stem, scanned, out var link, out var error), error?.Message);
        Assert.Equal("https://id.tracechain.example/01/09506000134352/10/ABC/21/123?17=261231", link.ToString());

        var back = link.ToGs1(Options);
        Assert.True(back.Success, back.Error?.Message);
        Assert.Equal("(01)09506000134352(10)ABC(21)123(17)261231", back.HumanReadable);
        Assert.Equal(scanned.Identifier, back.Identifier);
    }

    [Fact]
    public void ToGs1_PlacesGsOnlyWhereTheElementStringNeedsIt()
    {
        // URI order, as GS1's engine gives it: GS after each variable-length value that is not last.
        var link = DigitalLinkUri.Parse("https://a.example/01/09506000134352/10/ABC/21/123?17=261231", Options);
        Assert.Equal("010950600013435210ABC\u001D21123\u001D17261231", link.ToGs1(Options).ElementString);
    }

    [Fact]
    public void TryCreate_FromFailedParse_Throws()
    {
        var failed = Gs1Parser.Parse("0109506000134353", Options);
        Assert.Throws<ArgumentException>(() => DigitalLinkUri.TryCreate(Stem, failed, out _, out _));
    }

    [Fact]
    public void TryCreate_FromParse_KeepsTheParseReferenceYearForDates()
    {
        // 29 February exists in 2028 only: the year must come from the parse, not from today's clock.
        var options = new Gs1ParseOptions { TimeProvider = FixedClock.Year2026 };
        var parsed = Gs1Parser.Parse("(01)09506000134352(17)280229", options);
        Assert.True(parsed.Success, parsed.Error?.Message);
        Assert.True(DigitalLinkUri.TryCreate(Stem, parsed, out var link, out var error), error?.Message);
        Assert.Equal("280229", link.GetValue("17"));
    }
}
