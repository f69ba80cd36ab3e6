using TraceChain.Protocol.Text;

namespace TraceChain.Protocol.Tests.Text;

public sealed class TypedDigitsTests
{
    [Theory]
    [InlineData(" 1234 5678 ", "12345678")]
    [InlineData("1234-5678", "12345678")]
    [InlineData("１２３４　５６７８", "12345678")] // full-width digits, ideographic space
    [InlineData("1234\u00A05678\t", "12345678")] // no-break space, tab
    [InlineData("1234\u20135678\uFF0D9", "123456789")] // en dash, full-width hyphen-minus
    [InlineData("\uFEFF12\u200B34", "1234")] // BOM and zero-width space from copy and paste
    [InlineData("12a4", "12a4")]
    public void Normalize_RemovesSeparatorsAndMapsFullWidthDigits(string input, string expected) =>
        Assert.Equal(expected, TypedDigits.Normalize(input));

    [Fact]
    public void CheckDigits_Empty_ReportsEmpty()
    {
        var error = TypedDigits.CheckDigits("", 16, "code");
        Assert.Equal(CodeInputErrorKind.Empty, error?.Kind);
    }

    [Fact]
    public void CheckDigits_LetterAndWrongLength_ReportsTheLetterWithItsPosition()
    {
        var error = TypedDigits.CheckDigits("12O4", 16, "code");
        Assert.NotNull(error);
        Assert.Equal(CodeInputErrorKind.NotADigit, error.Kind);
        Assert.Equal(2, error.Position);
        Assert.Contains("character 3 is 'O' (U+004F)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDigits_ControlCharacter_IsNamedByCodePoint()
    {
        var error = TypedDigits.CheckDigits("12\u001D4", 4, "code");
        Assert.Contains("U+001D", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDigits_TooShort_ReportsBothCounts()
    {
        var error = TypedDigits.CheckDigits("123", 16, "code");
        Assert.NotNull(error);
        Assert.Equal(CodeInputErrorKind.WrongLength, error.Kind);
        Assert.Contains("must have 16 digits, but 3 were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDigits_RightDigits_ReturnsNull() => Assert.Null(TypedDigits.CheckDigits("1234", 4, "code"));
}
