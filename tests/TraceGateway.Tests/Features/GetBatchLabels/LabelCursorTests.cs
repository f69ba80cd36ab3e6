using System.Buffers.Text;
using System.Text;
using TraceGateway.Features.GetBatchLabels;

namespace TraceGateway.Tests.Features.GetBatchLabels;

/// <summary>The labels cursor: what it writes it reads back; anything else is refused, never half-read.</summary>
public sealed class LabelCursorTests
{
    [Theory]
    [InlineData(1, 1, "gtin:09506000134352:ser:A")]
    [InlineData(999_000, 1_000_000, "gtin:09506000134352:ser:X7:Y8/Z")]
    [InlineData(3, 7, "cn:81234567890123450001")]
    public void Cursor_RoundTrips(int position, int total, string after)
    {
        var cursor = new LabelCursor(position, total, after);

        Assert.True(LabelCursor.TryParse(cursor.ToString(), out var read));
        Assert.Equal(cursor, read);
        Assert.True(Base64Url.IsValid(cursor.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("2:1:3:gtin:1:ser:A")]
    [InlineData("1:0:3:gtin:1:ser:A")]
    [InlineData("1:4:3:gtin:1:ser:A")]
    [InlineData("1:-1:3:gtin:1:ser:A")]
    [InlineData("1:1:3:")]
    [InlineData("1:1:3")]
    public void Cursor_NotMadeByTheGateway_IsRefused(string text)
    {
        var token = text.Length == 0 || text.Contains(' ', StringComparison.Ordinal) ? text : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

        Assert.False(LabelCursor.TryParse(token, out var cursor));
        Assert.Null(cursor);
    }

    [Fact]
    public void Cursor_OfInvalidUtf8_IsRefused() =>
        Assert.False(LabelCursor.TryParse(Base64Url.EncodeToString([0x31, 0x3a, 0xff, 0xfe]), out _));
}
