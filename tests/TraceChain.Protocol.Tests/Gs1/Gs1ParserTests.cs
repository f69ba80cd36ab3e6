using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

public sealed class Gs1ParserTests
{
    private const string Gs = "\u001d";
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    private static Gs1ParseResult Parse(string input) => Gs1Parser.Parse(input, Options);

    [Fact]
    public void Parse_MedicinePackDataMatrix_GivesElementsFormsAndIdentifier()
    {
        var result = Parse("]d2010950600013435217261231" + "10ABC123" + Gs + "21XYZ789");
        Assert.True(result.Success, result.ToString());
        Assert.Equal(Symbology.DataMatrix, result.Symbology);
        Assert.Equal(["01", "17", "10", "21"], result.Elements.Select(e => e.Ai));
        Assert.Equal("(01)09506000134352(17)261231(10)ABC123(21)XYZ789", result.HumanReadable);
        Assert.Equal("010950600013435217261231" + "10ABC123" + Gs + "21XYZ789", result.ElementString);
        Assert.Equal(Gs1IdentifierKind.GtinSerial, result.Identifier!.Kind);
        Assert.Equal("010950600013435221XYZ789", result.Identifier.Key);
        Assert.Equal("ABC123", result.Identifier.Batch);
        Assert.True(result.TryGetDate("17", out var expiry));
        Assert.Equal(new DateOnly(2026, 12, 31), expiry);
    }

    [Fact]
    public void Parse_GeneralSpecificationsExample_BatchLast()
    {
        var result = Parse("]C1010950600013435217201225" + "10ABC123");
        Assert.True(result.Success, result.ToString());
        Assert.Equal(Symbology.Code128, result.Symbology);
        Assert.Equal("(01)09506000134352(17)201225(10)ABC123", result.HumanReadable);
        Assert.Equal(Gs1IdentifierKind.GtinBatch, result.Identifier!.Kind);
        Assert.Equal("010950600013435210ABC123", result.Identifier.Key);
    }

    [Fact]
    public void Parse_SsccPalletLabel_IdentifiesLogisticUnit()
    {
        var result = Parse("]C100106141411234567897" + "0209506000134352" + "3710" + Gs + "10BATCH1");
        Assert.True(result.Success, result.ToString());
        Assert.Equal(Gs1IdentifierKind.Sscc, result.Identifier!.Kind);
        Assert.Equal("00106141411234567897", result.Identifier.Key);
    }

    [Fact]
    public void Parse_WithoutAim_ParsesAndReportsUnknownSymbology()
    {
        var result = Parse("0109506000134352" + "21ABC");
        Assert.True(result.Success);
        Assert.Null(result.Aim);
        Assert.Equal(Symbology.Unknown, result.Symbology);
    }

    [Theory]
    [InlineData("]Q3", Symbology.QrCode)]
    [InlineData("]e0", Symbology.DataBar)]
    [InlineData("]d2", Symbology.DataMatrix)]
    [InlineData("]J1", Symbology.DotCode)]
    public void Parse_Gs1AimIdentifiers_NameSymbology(string aim, Symbology expected)
    {
        var result = Parse(aim + "0109506000134352");
        Assert.True(result.Success);
        Assert.Equal(expected, result.Symbology);
    }

    [Theory]
    [InlineData("]d1")]
    [InlineData("]Q1")]
    [InlineData("]C0")]
    public void Parse_NonGs1AimIdentifier_IsRejected(string aim) =>
        Assert.Equal(Gs1ErrorCode.NotGs1Symbology, Parse(aim + "0109506000134352").Error?.Code);

    [Theory]
    [InlineData("]X0")]
    [InlineData("]D2")]
    [InlineData("]")]
    [InlineData("]1")]
    public void Parse_UnknownAimIdentifier_IsRejected(string aim) =>
        Assert.Equal(Gs1ErrorCode.UnknownSymbologyIdentifier, Parse(aim + "0109506000134352").Error?.Code);

    [Theory]
    [InlineData("]E09506000134352", "09506000134352")]
    [InlineData("]E0614141000036", "00614141000036")]
    [InlineData("]E496385074", "00000096385074")]
    public void Parse_EanUpc_BecomesGtin(string input, string gtin)
    {
        var result = Parse(input);
        Assert.True(result.Success, result.ToString());
        Assert.Equal(Gs1InputFormat.EanUpc, result.Format);
        Assert.Equal(gtin, result.GetValue("01"));
        Assert.Equal(Gs1IdentifierKind.Gtin, result.Identifier!.Kind);
    }

    [Theory]
    [InlineData("]E09506000134353")]
    [InlineData("]E0950600013435")]
    [InlineData("]E0010950600013435217201225")]
    public void Parse_BadEanUpc_IsRejected(string input) => Assert.Equal(Gs1ErrorCode.InvalidEanUpc, Parse(input).Error?.Code);

    [Fact]
    public void Parse_Bracketed_GivesSameResultAsElementString()
    {
        var bracketed = Parse("(01)09506000134352(17)201225(10)ABC123");
        var scanned = Parse("]d2010950600013435217201225" + "10ABC123");
        Assert.True(bracketed.Success, bracketed.ToString());
        Assert.Equal(Gs1InputFormat.Bracketed, bracketed.Format);
        Assert.Equal(scanned.HumanReadable, bracketed.HumanReadable);
        Assert.Equal(scanned.ElementString, bracketed.ElementString);
    }

    [Fact]
    public void Parse_BracketedWithSpacesAndLiteralParenthesis()
    {
        var result = Parse("(01) 09506000134352 (21) A(B\\(10)C");
        Assert.True(result.Success, result.ToString());
        Assert.Equal("A(B(10)C", result.GetValue("21"));
    }

    [Theory]
    [InlineData("(0109506000134352", Gs1ErrorCode.MalformedBracketedInput)]
    [InlineData("(01)09506000134352(99", Gs1ErrorCode.ValueTooLong)]
    [InlineData("(05)123", Gs1ErrorCode.MalformedBracketedInput)]
    [InlineData("(01)0950600013435", Gs1ErrorCode.ValueTooShort)]
    [InlineData("(01)09506000134352(21)", Gs1ErrorCode.ValueTooShort)]
    public void Parse_BadBracketed_IsRejected(string input, Gs1ErrorCode code) => Assert.Equal(code, Parse(input).Error?.Code);

    [Fact]
    public void Parse_MissingGs_VariableValueTooLong_NamesAiAndHintsSeparator()
    {
        var result = Parse("]d20109506000134352" + "10ABC123456789" + "21SERIAL0123456789");
        Assert.Equal(Gs1ErrorCode.ValueTooLong, result.Error?.Code);
        Assert.Equal("10", result.Error!.Ai);
        Assert.Contains("separator", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(41, result.Error.Position);
    }

    [Fact]
    public void Parse_GsAfterPredefinedLength_IsAcceptedWithWarning()
    {
        var result = Parse("0109506000134352" + Gs + "17261231" + Gs + "10A");
        Assert.True(result.Success, result.ToString());
        Assert.Equal(2, result.Warnings.Count(w => w.Code == Gs1WarningCode.SeparatorAfterPredefinedLength));
        Assert.Equal("0109506000134352172612311" + "0A", result.ElementString);
    }

    [Fact]
    public void Parse_LeadingAndTrailingGs_AreTolerated()
    {
        var result = Parse(Gs + "0109506000134352" + "10A" + Gs);
        Assert.True(result.Success, result.ToString());
        Assert.Contains(result.Warnings, w => w.Code == Gs1WarningCode.LeadingSeparator);
        Assert.Contains(result.Warnings, w => w.Code == Gs1WarningCode.TrailingSeparator);
    }

    [Theory]
    [InlineData("01095060001" + Gs + "34352", Gs1ErrorCode.UnexpectedSeparator)]
    [InlineData("0109506000134352" + "10A" + Gs + Gs + "21B", Gs1ErrorCode.UnexpectedSeparator)]
    [InlineData("0109506000134352" + "10" + Gs + "21B", Gs1ErrorCode.ValueTooShort)]
    public void Parse_MisplacedGs_IsRejected(string input, Gs1ErrorCode code) => Assert.Equal(code, Parse(input).Error?.Code);

    [Theory]
    [InlineData("21ABC", "21")]
    [InlineData("10ABC", "10")]
    [InlineData("22ABC", "22")]
    [InlineData("254A", "254")]
    [InlineData("0209506000134352" + "3710", "37")]
    [InlineData("3710", "37")]
    [InlineData("0109506000134352" + "250X", "250")]
    public void Parse_MissingAssociation_IsRejected(string input, string ai)
    {
        var result = Parse(input);
        Assert.Equal(Gs1ErrorCode.MissingAssociation, result.Error?.Code);
        Assert.Equal(ai, result.Error!.Ai);
    }

    [Fact]
    public void Parse_AssociationsCanBeSkippedForMultiSymbolLabels()
    {
        var result = Gs1Parser.Parse("0209506000134352" + "3710", Options with { CheckAssociations = false });
        Assert.True(result.Success, result.ToString());
    }

    [Fact]
    public void Parse_GlnExtensionWithGln_IsValid() => Assert.True(Parse("4144012345000009" + "254EXT1").Success);

    [Fact]
    public void Parse_InvalidPairing_IsRejected() =>
        Assert.Equal(Gs1ErrorCode.InvalidPairing, Parse("0109506000134352" + "0209506000134352" + "371").Error?.Code);

    [Fact]
    public void Parse_DuplicateAiDifferentValues_IsRejected()
    {
        var result = Parse("0109506000134352" + "10A" + Gs + "10B");
        Assert.Equal(Gs1ErrorCode.ConflictingDuplicate, result.Error?.Code);
        Assert.Equal("10", result.Error!.Ai);
    }

    [Fact]
    public void Parse_DuplicateAiSameValue_IsAllowed()
    {
        var result = Parse("0109506000134352" + "10A" + Gs + "0109506000134352");
        Assert.True(result.Success, result.ToString());
        Assert.Contains(result.Warnings, w => w.Code == Gs1WarningCode.RepeatedAi);
    }

    [Theory]
    [InlineData("", Gs1ErrorCode.Empty)]
    [InlineData("]d2", Gs1ErrorCode.Empty)]
    [InlineData("0509506000134352", Gs1ErrorCode.UnknownAi)]
    [InlineData("01095060001343521", Gs1ErrorCode.TruncatedAi)]
    [InlineData("0109506000134352310", Gs1ErrorCode.TruncatedAi)]
    [InlineData("010950600013435", Gs1ErrorCode.ValueTooShort)]
    [InlineData("0109506000134353", Gs1ErrorCode.InvalidCheckDigit)]
    [InlineData("0109506000134352" + "17261301", Gs1ErrorCode.InvalidDate)]
    [InlineData("0109506000134352" + "10AB C", Gs1ErrorCode.InvalidCharacter)]
    [InlineData("0109506000134352\r\n", Gs1ErrorCode.InvalidCharacter)]
    [InlineData("ABC", Gs1ErrorCode.InvalidCharacter)]
    public void Parse_InvalidData_GivesErrorCode(string input, Gs1ErrorCode code) => Assert.Equal(code, Parse(input).Error?.Code);

    [Fact]
    public void Parse_UnknownAi_NamesAiAndPosition()
    {
        var result = Parse("]d20109506000134352" + "3199123456");
        Assert.Equal(Gs1ErrorCode.UnknownAi, result.Error?.Code);
        Assert.Equal("3199", result.Error!.Ai);
        Assert.Equal(19, result.Error.Position);
        Assert.Contains("(3199)", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CheckDigitError_PositionIsInInput()
    {
        var result = Parse("]d2" + "0109506000134353");
        Assert.Equal(Gs1ErrorCode.InvalidCheckDigit, result.Error?.Code);
        Assert.Equal(18, result.Error!.Position);
    }

    [Fact]
    public void Parse_FailedResult_KeepsElementsReadBeforeError()
    {
        var result = Parse("0109506000134352" + "17261301");
        Assert.False(result.Success);
        Assert.Single(result.Elements);
        Assert.Null(result.Identifier);
    }

    [Fact]
    public void FromElements_DigitalLinkPairs_ValidatedLikeScans()
    {
        var result = Gs1Parser.FromElements([("01", "09506000134352"), ("10", "ABC123"), ("21", "XYZ789"), ("17", "261231")], Options);
        Assert.True(result.Success, result.ToString());
        Assert.Equal(Gs1InputFormat.ElementList, result.Format);
        Assert.Equal("010950600013435221XYZ789", result.Identifier!.Key);
        Assert.Equal("0109506000134352" + "10ABC123" + Gs + "21XYZ789" + Gs + "17261231", result.ElementString);
    }

    [Theory]
    [InlineData("01", "09506000134353", Gs1ErrorCode.InvalidCheckDigit)]
    [InlineData("99x", "A", Gs1ErrorCode.UnknownAi)]
    [InlineData("21", "A", Gs1ErrorCode.MissingAssociation)]
    public void FromElements_InvalidPair_GivesErrorWithListIndex(string ai, string value, Gs1ErrorCode code)
    {
        var result = Gs1Parser.FromElements([(ai, value)], Options);
        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(0, result.Error!.Position);
    }

    [Fact]
    public void FromElements_Empty_IsRejected() => Assert.Equal(Gs1ErrorCode.Empty, Gs1Parser.FromElements([], Options).Error?.Code);

    [Fact]
    public void TryGetDate_DayZero_GivesEndOfMonth()
    {
        var result = Parse("0109506000134352" + "17260200");
        Assert.True(result.TryGetDate("17", out var date));
        Assert.Equal(new DateOnly(2026, 2, 28), date);
        Assert.False(result.TryGetDate("10", out _));
        Assert.False(result.TryGetDate("01", out _));
    }

    [Fact]
    public void Identifier_IsStableAcrossCalls()
    {
        var result = Parse("]d2" + "0109506000134352" + "10A");
        Assert.Same(result.Identifier, result.Identifier);
        Assert.Null(Parse("]d2" + "4144012345000009").Identifier);
    }
}
