using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Tests.Gs1;

namespace TraceChain.Protocol.Tests.DigitalLink;

public sealed class DigitalLinkUriCreateTests
{
    private const string Stem = "https://id.tracechain.example";
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    private static DigitalLinkUri Create(string stem, params DigitalLinkElement[] elements)
    {
        Assert.True(DigitalLinkUri.TryCreate(stem, elements, Options, out var link, out var error), error?.Message);
        return link;
    }

    private static DigitalLinkError Refuse(string stem, params DigitalLinkElement[] elements)
    {
        Assert.False(DigitalLinkUri.TryCreate(stem, elements, Options, out var link, out var error), $"created: {link}");
        return error;
    }

    [Fact]
    public void Create_ElementStringOrder_PutsKeyAndQualifiersInPathOrder()
    {
        var link = Create(Stem, new("01", "09506000134352"), new("17", "261231"), new("21", "123"), new("10", "ABC"));
        Assert.Equal("https://id.tracechain.example/01/09506000134352/10/ABC/21/123?17=261231", link.ToString());
    }

    [Theory]
    [InlineData("https://id.example.org/some/stem/", "https://id.example.org/some/stem/01/09506000134352")]
    [InlineData("  https://id.example.org  ", "https://id.example.org/01/09506000134352")]
    [InlineData("http://localhost:5080", "http://localhost:5080/01/09506000134352")]
    public void Create_OnAnyStem_TrimsTheTrailingSlash(string stem, string expected) =>
        Assert.Equal(expected, Create(stem, new DigitalLinkElement("01", "09506000134352")).ToString());

    [Fact]
    public void Create_ValuesWithUriSymbols_ArePercentEncodedAndReadBack()
    {
        var link = Create(Stem, new("01", "09506000134352"), new("21", "A/B?C&D=E%F+G"), new("99", "x:y"));
        Assert.Equal("https://id.tracechain.example/01/09506000134352/21/A%2FB%3FC%26D%3DE%25F%2BG?99=x%3Ay", link.ToString());
        Assert.Equal("A/B?C&D=E%F+G", link.GetValue("21"));
    }

    [Fact]
    public void Create_SsccWithAttributes_HasNoQualifiers()
    {
        var link = Create(Stem, new("00", "106141411234567897"), new("02", "09506000134352"), new("37", "25"), new("10", "ABC123"));
        Assert.Equal("https://id.tracechain.example/00/106141411234567897?02=09506000134352&37=25&10=ABC123", link.ToString());
    }

    [Fact]
    public void Create_GlnWithExtension_PutsTheExtensionInThePath() =>
        Assert.Equal(
            "https://id.tracechain.example/414/9520123456788/254/32a%2Fb",
            Create(Stem, new("254", "32a/b"), new("414", "9520123456788")).ToString());

    [Fact]
    public void Create_ThirdPartySerialWithBatch_ChoosesTheSequenceThatLeavesNoStrayQualifier() =>
        Assert.Equal(
            "https://id.tracechain.example/01/09506000134352/235/XYZ?10=ABC",
            Create(Stem, new("01", "09506000134352"), new("235", "XYZ"), new("10", "ABC")).ToString());

    [Fact]
    public void Create_ShortGtin_IsPaddedToFourteenDigits() =>
        Assert.Equal("https://id.tracechain.example/01/09506000134352", Create(Stem, new DigitalLinkElement("01", "9506000134352")).ToString());

    [Fact]
    public void Create_RepeatedAiWithSameValue_IsWrittenOnce() =>
        Assert.Equal(
            "https://id.tracechain.example/01/09506000134352/21/1",
            Create(Stem, new("01", "09506000134352"), new("21", "1"), new("21", "1")).ToString());

    [Theory]
    [InlineData("ftp://id.example.org", DigitalLinkErrorKind.UnsupportedScheme)]
    [InlineData("Https://id.example.org", DigitalLinkErrorKind.UnsupportedScheme)]
    [InlineData("id.example.org", DigitalLinkErrorKind.UnsupportedScheme)]
    [InlineData("https://", DigitalLinkErrorKind.InvalidHost)]
    [InlineData("https://id.example.org/?x=1", DigitalLinkErrorKind.IllegalCharacter)]
    [InlineData("https://id.example.org/a b", DigitalLinkErrorKind.IllegalCharacter)]
    public void Create_BadStem_IsRefused(string stem, DigitalLinkErrorKind kind) =>
        Assert.Equal(kind, Refuse(stem, new DigitalLinkElement("01", "09506000134352")).Kind);

    [Fact]
    public void Create_WithoutPrimaryKey_IsRefused() =>
        Assert.Equal(DigitalLinkErrorKind.NoPrimaryKey, Refuse(Stem, new DigitalLinkElement("10", "ABC")).Kind);

    [Fact]
    public void Create_UnknownAi_IsRefused() =>
        Assert.Equal(DigitalLinkErrorKind.UnknownAi, Refuse(Stem, new("01", "09506000134352"), new("89", "X")).Kind);

    [Fact]
    public void Create_DifferentValuesForOneAi_IsRefused() =>
        Assert.Equal(DigitalLinkErrorKind.DuplicateAi, Refuse(Stem, new("01", "09506000134352"), new("21", "1"), new("21", "2")).Kind);

    [Fact]
    public void Create_WrongCheckDigit_IsRefused() =>
        Assert.Equal(DigitalLinkErrorKind.InvalidValue, Refuse(Stem, new DigitalLinkElement("01", "09506000134353")).Kind);

    [Fact]
    public void Create_QualifierWithoutItsKey_IsNotADataAttribute() =>
        Assert.Equal(DigitalLinkErrorKind.NotADataAttribute, Refuse(Stem, new("00", "106141411234567897"), new("254", "X")).Kind);

    [Fact]
    public void Create_BrokenAssociation_IsRefused() =>
        Assert.Equal(DigitalLinkErrorKind.InvalidCombination, Refuse(Stem, new("00", "106141411234567897"), new("17", "261231")).Kind);

    [Fact]
    public void Create_Throwing_GivesTheMessage() =>
        Assert.Throws<ArgumentException>(() => DigitalLinkUri.Create(Stem, [new("10", "ABC")], Options));
}
