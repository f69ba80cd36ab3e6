using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Tests.Gs1;

namespace TraceChain.Protocol.Tests.DigitalLink;

public sealed class DigitalLinkUriParseTests
{
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };
    private const string Gtin = "09506000134352";

    private static DigitalLinkUri Parse(string uri)
    {
        Assert.True(DigitalLinkUri.TryParse(uri, Options, out var link, out var error), error?.Message);
        return link;
    }

    private static DigitalLinkError Refuse(string uri)
    {
        Assert.False(DigitalLinkUri.TryParse(uri, Options, out var link, out var error), $"accepted: {link}");
        return error;
    }

    [Fact]
    public void Parse_GtinBatchSerialAndExpiry_SplitsPathAndQuery()
    {
        const string uri = "https://example.com/01/09506000134352/10/ABC/21/123?17=201225";
        var link = Parse(uri);
        Assert.Equal("https://example.com", link.Stem);
        Assert.Equal(new DigitalLinkElement("01", Gtin), link.PrimaryKey);
        Assert.Equal([new("10", "ABC"), new("21", "123")], link.KeyQualifiers);
        Assert.Equal([new DigitalLinkElement("17", "201225")], link.Attributes);
        Assert.Equal("ABC", link.GetValue("10"));
        Assert.Null(link.GetValue("22"));
        Assert.Equal(uri, link.ToString());
    }

    [Theory]
    [InlineData("https://id.example.org/some/stem/01/09506000134352", "https://id.example.org/some/stem")]
    [InlineData("http://localhost:8080/01/09506000134352", "http://localhost:8080")]
    [InlineData("https://[2001:db8::1]/01/09506000134352", "https://[2001:db8::1]")]
    [InlineData("https://a.example/00/faux/01/09506000134352", "https://a.example/00/faux")] // the rightmost key wins
    [InlineData("https://a.example/01/09506000134352/x/01/09506000134352", "https://a.example/01/09506000134352/x")]
    public void Parse_AnyDomainAndPathStem_KeepsTheStem(string uri, string stem) => Assert.Equal(stem, Parse(uri).Stem);

    [Theory]
    [InlineData("/22/V1")]
    [InlineData("/10/B1")]
    [InlineData("/21/S1")]
    [InlineData("/22/V1/10/B1")]
    [InlineData("/22/V1/21/S1")]
    [InlineData("/10/B1/21/S1")]
    [InlineData("/22/V1/10/B1/21/S1")]
    [InlineData("/235/TPX1")]
    public void Parse_EverySubsetOfGtinQualifiersInOrder_IsAccepted(string qualifiers) =>
        Assert.Equal("https://a.example/01/09506000134352" + qualifiers, Parse("https://a.example/01/09506000134352" + qualifiers).ToString());

    [Fact]
    public void Parse_SsccWithContentCountAndBatchAttributes_IsAccepted()
    {
        // GS1 URI syntax example: for an SSCC, 10 is a data attribute because 00 has no key qualifiers.
        var link = Parse("https://id.gs1.org/00/106141411234567897?02=09506000134352&37=25&10=ABC123");
        Assert.Equal("00", link.PrimaryKey.Ai);
        Assert.Equal(["02", "37", "10"], link.Attributes.Select(a => a.Ai));
    }

    [Fact]
    public void Parse_GlnWithExtension_DecodesTheSlash()
    {
        var link = Parse("https://id.gs1.org/414/9520123456788/254/32a%2Fb");
        Assert.Equal(new DigitalLinkElement("254", "32a/b"), Assert.Single(link.KeyQualifiers));
        Assert.Equal("https://id.gs1.org/414/9520123456788/254/32a%2Fb", link.ToString());
    }

    [Theory]
    [InlineData("HTTPS://ID.EXAMPLE.ORG/01/09506000134352")]
    [InlineData("HTTP://ID.EXAMPLE.ORG/01/09506000134352")]
    [InlineData("http://id.example.org/01/09506000134352")]
    public void Parse_LowerCaseOrAllCapitalSchemes_AreAccepted(string uri) => Assert.Equal(Gtin, Parse(uri).PrimaryKey.Value);

    [Theory]
    [InlineData("https://a.example/01/09506000134352/22/ABC%2d123", "22", "ABC-123")]
    [InlineData("https://a.example/01/09506000134352/22/ABC+123", "22", "ABC+123")] // '+' is itself in a path
    [InlineData("https://a.example/01/09506000134352?3103=000195&99=XYZ%2f987", "99", "XYZ/987")]
    [InlineData("https://a.example/8004/9520614141234567?01=9520123456788", "01", "09520123456788")] // GTIN-13 in a query is padded
    public void Parse_PercentEncodedValues_AreDecoded(string uri, string ai, string value) => Assert.Equal(value, Parse(uri).GetValue(ai));

    [Fact]
    public void Parse_OtherParametersFragmentAndStraySeparators_AreNotGs1Data()
    {
        var link = Parse("https://a.example/01/09506000134352?&&linkType=gs1:pip&17=261231;singleton&&#frag");
        Assert.Equal([new DigitalLinkElement("17", "261231")], link.Attributes);
        Assert.Equal([new("linkType", "gs1:pip"), new("singleton", "")], link.OtherParameters);
        Assert.Equal("https://a.example/01/09506000134352?17=261231&linkType=gs1:pip&singleton", link.ToString());
    }

    [Fact]
    public void Parse_EmptyQueryAndSurroundingWhitespace_AreIgnored() =>
        Assert.Equal("https://a.example/01/09506000134352", Parse("  https://a.example/01/09506000134352?\r\n").ToString());

    [Theory]
    [InlineData("Https://a.example/01/09506000134352", "mixes upper and lower case")]
    [InlineData("hTTPs://a.example/01/09506000134352", "mixes upper and lower case")]
    [InlineData("ftp://a.example/01/09506000134352", "not allowed")]
    [InlineData("a.example/01/09506000134352", "starts with https://")]
    public void Parse_BadScheme_IsRefusedWithTheFix(string uri, string message)
    {
        var error = Refuse(uri);
        Assert.Equal(DigitalLinkErrorKind.UnsupportedScheme, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", DigitalLinkErrorKind.Empty)]
    [InlineData("https:///01/09506000134352", DigitalLinkErrorKind.InvalidHost)]
    [InlineData("https://user@a.example/01/09506000134352", DigitalLinkErrorKind.InvalidHost)]
    [InlineData("https://a$b.example/01/09506000134352", DigitalLinkErrorKind.InvalidHost)]
    [InlineData("https://a.example/01/09506000134352/10/A B", DigitalLinkErrorKind.IllegalCharacter)]
    [InlineData("https://a.example/01/09506000134352/10/A\u001DB", DigitalLinkErrorKind.IllegalCharacter)]
    [InlineData("https://a.example/01/09506000134352/10/批次", DigitalLinkErrorKind.IllegalCharacter)]
    [InlineData("https://a.example", DigitalLinkErrorKind.NoPrimaryKey)]
    [InlineData("https://a.example/", DigitalLinkErrorKind.NoPrimaryKey)]
    [InlineData("https://a.example/gtin/09506000134352", DigitalLinkErrorKind.NoPrimaryKey)]
    [InlineData("https://a.example/products/17/261231", DigitalLinkErrorKind.NoPrimaryKey)]
    [InlineData("https://a.example/01/09506000134352/", DigitalLinkErrorKind.MalformedPath)]
    [InlineData("https://a.example/01/09506000134352/10", DigitalLinkErrorKind.MalformedPath)]
    [InlineData("https://a.example/01/09506000134352/21/123/10/ABC", DigitalLinkErrorKind.QualifierOutOfOrder)]
    [InlineData("https://a.example/01/09506000134352/10/ABC/22/V", DigitalLinkErrorKind.QualifierOutOfOrder)]
    [InlineData("https://a.example/01/09506000134352/17/261231", DigitalLinkErrorKind.NotAKeyQualifier)]
    [InlineData("https://a.example/01/09506000134352/254/X", DigitalLinkErrorKind.NotAKeyQualifier)]
    [InlineData("https://a.example/414/9520123456788/21/X", DigitalLinkErrorKind.NotAKeyQualifier)]
    [InlineData("https://a.example/00/106141411234567897/10/ABC", DigitalLinkErrorKind.NotAKeyQualifier)]
    [InlineData("https://a.example/01/09506000134352/10/A/10/B", DigitalLinkErrorKind.DuplicateAi)]
    [InlineData("https://a.example/01/09506000134352?01=09506000134352", DigitalLinkErrorKind.DuplicateAi)]
    [InlineData("https://a.example/01/09506000134352/10/ABC?10=ABC", DigitalLinkErrorKind.DuplicateAi)]
    [InlineData("https://a.example/01/09506000134352?17=261231&17=261231", DigitalLinkErrorKind.DuplicateAi)]
    [InlineData("https://a.example/01/09506000134352?21=123", DigitalLinkErrorKind.BelongsInPath)]
    [InlineData("https://a.example/01/09506000134352?10=ABC", DigitalLinkErrorKind.BelongsInPath)]
    [InlineData("https://a.example/01/09506000134352/10/ABC?22=V", DigitalLinkErrorKind.BelongsInPath)]
    [InlineData("https://a.example/00/106141411234567897?21=123", DigitalLinkErrorKind.NotADataAttribute)]
    [InlineData("https://a.example/00/106141411234567897?254=X", DigitalLinkErrorKind.NotADataAttribute)]
    [InlineData("https://a.example/01/09506000134352/235/X?21=1", DigitalLinkErrorKind.NotADataAttribute)]
    [InlineData("https://a.example/01/09506000134352?999=faux", DigitalLinkErrorKind.UnknownAi)]
    [InlineData("https://a.example/01/09506000134352?89=ABC", DigitalLinkErrorKind.UnknownAi)]
    [InlineData("https://a.example/01/09506000134353", DigitalLinkErrorKind.InvalidValue)]
    [InlineData("https://a.example/01/9506000134352", DigitalLinkErrorKind.InvalidValue)]
    [InlineData("https://a.example/01/09506000134352?17=261332", DigitalLinkErrorKind.InvalidValue)]
    [InlineData("https://a.example/01/09506000134352/10/ABCDEFGHIJKLMNOPQRSTU", DigitalLinkErrorKind.InvalidValue)]
    [InlineData("https://a.example/01/09506000134352/10/A%20B", DigitalLinkErrorKind.InvalidValue)]
    [InlineData("https://a.example/01/09506000134352?3103=00019X", DigitalLinkErrorKind.InvalidValue)]
    [InlineData("https://a.example/00/106141411234567897?10=A+B", DigitalLinkErrorKind.InvalidValue)] // '+' is a space in a query
    [InlineData("https://a.example/00/106141411234567897?17=261231", DigitalLinkErrorKind.InvalidCombination)] // 17 needs a GTIN
    [InlineData("https://a.example/01/09506000134352?02=09506000134352&37=5", DigitalLinkErrorKind.InvalidCombination)] // 01 excludes 02
    [InlineData("https://a.example/01/09506000134352/10/AB%2", DigitalLinkErrorKind.MalformedPercentEncoding)]
    [InlineData("https://a.example/01/09506000134352/10/A%00B", DigitalLinkErrorKind.MalformedPercentEncoding)]
    [InlineData("https://a.example/01//10/ABC", DigitalLinkErrorKind.EmptyValue)]
    [InlineData("https://a.example/01/09506000134352?17=", DigitalLinkErrorKind.EmptyValue)]
    public void Parse_InvalidUri_ReportsTheProblem(string uri, DigitalLinkErrorKind kind) => Assert.Equal(kind, Refuse(uri).Kind);

    [Fact]
    public void Parse_ShortGtinInPath_SaysWhatToWriteInstead() =>
        Assert.Contains("write 09506000134352 instead of 9506000134352", Refuse("https://a.example/01/9506000134352").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_WrongCheckDigit_NamesTheExpectedDigit()
    {
        var error = Refuse("https://a.example/01/09506000134353");
        Assert.Equal("01", error.Ai);
        Assert.Contains("should be 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QualifiersOutOfOrder_NamesTheRequiredOrder() =>
        Assert.Contains("22, 10, 21", Refuse("https://a.example/01/09506000134352/21/1/10/A").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_QualifierInQuery_SaysToMoveItToThePath() =>
        Assert.Contains("put it in the path as /21/", Refuse("https://a.example/01/09506000134352?21=1").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_IllegalCharacter_NamesItsPosition() =>
        Assert.Contains("Character 41 of the URI, U+0020 (space)", Refuse("https://a.example/01/09506000134352/10/A B").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_MissingAssociation_NamesTheRuleAndCanBeSwitchedOff()
    {
        const string uri = "https://a.example/00/106141411234567897?17=261231";
        Assert.Contains("(01)", Refuse(uri).Message, StringComparison.Ordinal);
        Assert.True(DigitalLinkUri.TryParse(uri, Options with { CheckAssociations = false }, out _, out _));
    }

    [Fact]
    public void Parse_Throwing_GivesTheMessage() =>
        Assert.Throws<FormatException>(() => DigitalLinkUri.Parse("https://a.example/01/09506000134352?21=1", Options));

    [Fact]
    public void Equality_IsByCanonicalUri()
    {
        Assert.Equal("HTTPS://A.EXAMPLE/01/09506000134352/22/ABC-1", Parse("HTTPS://A.EXAMPLE/01/09506000134352/22/ABC%2d1").ToString());
        Assert.Equal(Parse("https://a.example/01/09506000134352/22/ABC%2d1"), Parse("https://a.example/01/09506000134352/22/ABC-1"));
        Assert.NotEqual(Parse("https://a.example/01/09506000134352"), Parse("https://b.example/01/09506000134352"));
    }
}
