using System.Text;
using TraceChain.Protocol.Notifications;

namespace TraceChain.Protocol.Tests.Notifications;

public sealed class NoticeJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 19, 30, 0, 125, TimeSpan.Zero);

    [Fact]
    public void RecallNotice_ToJson_IsTheDocumentedShape_AndParsesBack()
    {
        var notice = new RecallNotice("09506000134352", "L/2", true, "label \"error\"", At, 42);
        var json = Encoding.UTF8.GetString(notice.ToJson());
        Assert.Equal("""{"gtin":"09506000134352","batch":"L/2","status":"withdrawn","reason":"label \u0022error\u0022","recalledAt":"2026-11-22T19:30:00.125Z","seq":42,"entry":"/v1/entries/42"}""", json);
        Assert.Equal(notice, RecallNotice.TryParse(notice.ToJson(), out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"batch":"B","status":"recalled","reason":"r","recalledAt":"2026-01-01T00:00:00Z","seq":1}""", "'gtin'")]
    [InlineData("""{"gtin":"1","batch":"B","status":"lifted","reason":"r","recalledAt":"2026-01-01T00:00:00Z","seq":1}""", "status 'lifted'")]
    [InlineData("""{"gtin":"1","batch":"B","status":"recalled","reason":"r","recalledAt":"2026-01-01T00:00:00Z","seq":-1}""", "'seq'")]
    [InlineData("""{"gtin":"1","batch":"B","status":"recalled","reason":"r","recalledAt":"yesterday","seq":1}""", "'recalledAt'")]
    public void RecallNotice_Malformed_NamesTheProblem(string json, string expected)
    {
        Assert.Null(RecallNotice.TryParse(Encoding.UTF8.GetBytes(json), out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertNotice_ToJson_ParsesBack_WithAndWithoutIdentifier()
    {
        var notice = new AlertNotice(7, "unknown_serial", "gtin:09506000134352:ser:X", At, "4012340000011");
        Assert.Equal("""{"id":7,"code":"unknown_serial","identifier":"gtin:09506000134352:ser:X","at":"2026-11-22T19:30:00.125Z","party":"4012340000011"}""", Encoding.UTF8.GetString(notice.ToJson()));
        Assert.Equal(notice, AlertNotice.TryParse(notice.ToJson(), out _));
        var bare = notice with { Identifier = null };
        Assert.Equal(bare, AlertNotice.TryParse(bare.ToJson(), out _));
    }

    [Theory]
    [InlineData("""{"code":"x","at":"2026-01-01T00:00:00Z","party":"1"}""", "'id'")]
    [InlineData("""{"id":1,"at":"2026-01-01T00:00:00Z","party":"1"}""", "'code'")]
    [InlineData("""{"id":1,"code":"x","at":"2026-01-01T00:00:00Z"}""", "'party'")]
    [InlineData("""{"id":1,"code":"x","at":"soon","party":"1"}""", "'at'")]
    [InlineData("nope", "not valid JSON")]
    public void AlertNotice_Malformed_NamesTheProblem(string json, string expected)
    {
        Assert.Null(AlertNotice.TryParse(Encoding.UTF8.GetBytes(json), out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
