using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

public sealed class AiValueValidatorTests
{
    private static Gs1ErrorCode? Check(string ai, string value, int referenceYear = 2026)
    {
        Assert.True(AiDictionary.TryGet(ai, out var definition));
        return AiValueValidator.Validate(definition, value, referenceYear)?.Code;
    }

    [Theory]
    [InlineData("01", "09506000134352")]
    [InlineData("00", "106141411234567897")]
    [InlineData("17", "261231")]
    [InlineData("17", "260200")]
    [InlineData("17", "240229")]
    [InlineData("10", "ABC123")]
    [InlineData("21", "!\"%&'()*+,-./:;<=>?_")]
    [InlineData("414", "4012345000009")]
    [InlineData("253", "4012345000009")]
    [InlineData("253", "4012345000009ABC")]
    [InlineData("7003", "2512311459")]
    [InlineData("8006", "095060001343520102")]
    [InlineData("8010", "ABC-#/123")]
    [InlineData("8008", "25123114")]
    [InlineData("8008", "251231145930")]
    [InlineData("422", "250")]
    [InlineData("8001", "014000500001")]
    public void Validate_ValidValues_ReturnNull(string ai, string value)
    {
        Assert.Null(Check(ai, value.Length == 12 && ai == "8001" ? "01400050000119" : value));
    }

    [Theory]
    [InlineData("01", "0950600013435", Gs1ErrorCode.ValueTooShort)]
    [InlineData("01", "095060001343521", Gs1ErrorCode.ValueTooLong)]
    [InlineData("01", "09506000134353", Gs1ErrorCode.InvalidCheckDigit)]
    [InlineData("01", "0950600013435A", Gs1ErrorCode.InvalidCharacter)]
    [InlineData("00", "106141411234567890", Gs1ErrorCode.InvalidCheckDigit)]
    [InlineData("414", "4012345000008", Gs1ErrorCode.InvalidCheckDigit)]
    [InlineData("17", "251301", Gs1ErrorCode.InvalidDate)]
    [InlineData("17", "250230", Gs1ErrorCode.InvalidDate)]
    [InlineData("17", "250229", Gs1ErrorCode.InvalidDate)]
    [InlineData("17", "251232", Gs1ErrorCode.InvalidDate)]
    [InlineData("7006", "250200", Gs1ErrorCode.InvalidDate)]
    [InlineData("7003", "2512312460", Gs1ErrorCode.InvalidDate)]
    [InlineData("10", "ABC 123", Gs1ErrorCode.InvalidCharacter)]
    [InlineData("10", "ABC#123", Gs1ErrorCode.InvalidCharacter)]
    [InlineData("10", "ABCDEFGHIJKLMNOPQRSTU", Gs1ErrorCode.ValueTooLong)]
    [InlineData("10", "", Gs1ErrorCode.ValueTooShort)]
    [InlineData("8010", "abc", Gs1ErrorCode.InvalidCharacter)]
    [InlineData("8006", "095060001343520302", Gs1ErrorCode.InvalidValue)]
    [InlineData("8011", "0123", Gs1ErrorCode.InvalidValue)]
    [InlineData("8008", "251231241", Gs1ErrorCode.InvalidDate)]
    public void Validate_InvalidValues_ReturnErrorCode(string ai, string value, Gs1ErrorCode expected) =>
        Assert.Equal(expected, Check(ai, value));

    [Fact]
    public void Validate_DayZero_IsEndOfMonthOnlyWhereAllowed()
    {
        Assert.Null(Check("17", "250200"));
        Assert.Equal(Gs1ErrorCode.InvalidDate, Check("7006", "250200"));
    }

    [Fact]
    public void Validate_LeapDay_DependsOnCenturyRule()
    {
        // YY 00 resolves to 2000 (a leap year) in 2026, but to 2100 (not a leap year) in 2070.
        Assert.Null(Check("17", "000229", 2026));
        Assert.Equal(Gs1ErrorCode.InvalidDate, Check("17", "000229", 2070));
    }

    [Fact]
    public void Validate_CheckDigitError_NamesExpectedDigitAndPosition()
    {
        Assert.True(AiDictionary.TryGet("01", out var gtin));
        var error = AiValueValidator.Validate(gtin, "09506000134353", 2026);
        Assert.NotNull(error);
        Assert.Equal(13, error.Position);
        Assert.Contains("should be 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("(01)", error.Message, StringComparison.Ordinal);
    }
}
