using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

public sealed class AiDictionaryTests
{
    public static TheoryData<string> MedicineLabelAis =>
    [
        "00", "01", "02", "10", "11", "15", "17", "21", "22", "240", "241", "250", "251", "254", "30", "37",
        "400", "401", "402", "403", "410", "411", "412", "413", "414", "415", "416", "417", "422", "7003",
        "710", "711", "712", "713", "714", "715", "716", "717", "8003", "8004", "8006", "8018", "8020",
        "90", "91", "92", "93", "94", "95", "96", "97", "98", "99", "12", "13", "16", "20", "235", "242", "243",
        "253", "255", "3103", "3922", "7001", "7240", "8001", "8005", "8007", "8008", "8010", "8013", "8017",
        "8019", "8026", "8200",
    ];

    [Theory]
    [MemberData(nameof(MedicineLabelAis))]
    public void TryGet_EveryMedicineLabelAi_IsKnown(string ai)
    {
        Assert.True(AiDictionary.TryGet(ai, out var definition));
        Assert.Equal(ai, definition.Ai);
    }

    [Theory]
    [InlineData("01", "N14", 14, 14, Gs1CharSet.Numeric, true, true)]
    [InlineData("00", "N18", 18, 18, Gs1CharSet.Numeric, true, true)]
    [InlineData("10", "X..20", 1, 20, Gs1CharSet.Cset82, false, false)]
    [InlineData("17", "N6", 6, 6, Gs1CharSet.Numeric, false, true)]
    [InlineData("414", "N13", 13, 13, Gs1CharSet.Numeric, true, true)]
    [InlineData("422", "N3", 3, 3, Gs1CharSet.Numeric, false, false)]
    [InlineData("253", "N13+[X..17]", 13, 30, Gs1CharSet.Cset82, true, false)]
    [InlineData("8010", "Y..30", 1, 30, Gs1CharSet.Cset39, false, false)]
    [InlineData("3103", "N6", 6, 6, Gs1CharSet.Numeric, false, true)]
    [InlineData("7003", "N6+N4", 10, 10, Gs1CharSet.Numeric, false, false)]
    public void Definitions_FollowTheSyntaxDictionary(string ai, string format, int min, int max, Gs1CharSet charSet, bool checkDigit, bool predefined)
    {
        Assert.True(AiDictionary.TryGet(ai, out var d));
        Assert.Equal(format, d.Format);
        Assert.Equal(min, d.MinLength);
        Assert.Equal(max, d.MaxLength);
        Assert.Equal(charSet, d.CharSet);
        Assert.Equal(checkDigit, d.HasCheckDigit);
        Assert.Equal(predefined, d.IsPredefinedLength);
        Assert.Equal(!predefined, d.RequiresSeparator);
    }

    [Theory]
    [InlineData("0109506000134352", "01")]
    [InlineData("3103000150", "3103")]
    [InlineData("7100ABC", "710")]
    [InlineData("70032512311200", "7003")]
    [InlineData("414123", "414")]
    [InlineData("91ABC", "91")]
    public void TryMatchPrefix_ResolvesAiLength(string data, string ai)
    {
        Assert.True(AiDictionary.TryMatchPrefix(data, out var d));
        Assert.Equal(ai, d.Ai);
    }

    [Theory]
    [InlineData("05123")]
    [InlineData("2")]
    [InlineData("A1")]
    [InlineData("3106000150")]
    [InlineData("")]
    public void TryMatchPrefix_UnknownOrIncomplete_IsFalse(string data) => Assert.False(AiDictionary.TryMatchPrefix(data, out _));

    [Fact]
    public void TryGet_PrefixOfLongerAi_IsNotAnExactMatch() => Assert.False(AiDictionary.TryGet("0109", out _));

    [Theory]
    [InlineData("00", true)]
    [InlineData("04", true)]
    [InlineData("10", false)]
    [InlineData("11", true)]
    [InlineData("20", true)]
    [InlineData("21", false)]
    [InlineData("31", true)]
    [InlineData("36", true)]
    [InlineData("37", false)]
    [InlineData("41", true)]
    [InlineData("42", false)]
    [InlineData("80", false)]
    public void IsPredefinedLengthPrefix_FollowsGeneralSpecificationsTable(string prefix, bool expected) =>
        Assert.Equal(expected, AiDictionary.IsPredefinedLengthPrefix(prefix));

    [Fact]
    public void DigitalLinkRoles_KeysQualifiersAndAttributes()
    {
        Assert.True(AiDictionary.TryGet("01", out var gtin));
        Assert.Equal(DigitalLinkRole.PrimaryKey, gtin.DigitalLinkRole);
        Assert.Equal(["22", "10", "21"], gtin.DigitalLinkQualifiers[0]);
        Assert.Equal(["235"], gtin.DigitalLinkQualifiers[1]);
        Assert.True(AiDictionary.TryGet("21", out var serial));
        Assert.Equal(DigitalLinkRole.Qualifier, serial.DigitalLinkRole);
        Assert.True(AiDictionary.TryGet("17", out var expiry));
        Assert.Equal(DigitalLinkRole.DataAttribute, expiry.DigitalLinkRole);
        Assert.True(AiDictionary.TryGet("00", out var sscc));
        Assert.Equal(DigitalLinkRole.PrimaryKey, sscc.DigitalLinkRole);
    }

    [Fact]
    public void Associations_SerialNeedsGtinAndGlnExtensionNeedsGln()
    {
        Assert.True(AiDictionary.TryGet("21", out var serial));
        Assert.Contains("01", serial.Requires[0]);
        Assert.True(AiDictionary.TryGet("254", out var extension));
        Assert.Equal(["414"], extension.Requires[0]);
    }

    [Fact]
    public void Titles_NumberedFamiliesAreExpanded()
    {
        Assert.True(AiDictionary.TryGet("7030", out var processor));
        Assert.Equal("PROCESSOR # 0", processor.Title);
        Assert.True(AiDictionary.TryGet("7239", out var cert));
        Assert.Equal("CERT # 10", cert.Title);
    }

    [Fact]
    public void AiLengthForPrefix_NamesUnknownAiLengths()
    {
        Assert.Equal(4, AiDictionary.AiLengthForPrefix("31"));
        Assert.Equal(3, AiDictionary.AiLengthForPrefix("71"));
        Assert.Equal(0, AiDictionary.AiLengthForPrefix("05"));
    }
}
