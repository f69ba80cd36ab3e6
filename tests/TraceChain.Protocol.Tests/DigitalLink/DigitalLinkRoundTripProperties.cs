using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Tests.Gs1;

namespace TraceChain.Protocol.Tests.DigitalLink;

public sealed class DigitalLinkRoundTripProperties
{
    private const string Cset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    private static readonly string[] Stems =
    [
        "https://id.tracechain.example",
        "https://example.com/some/stem",
        "http://localhost:5080/dl",
        "HTTPS://ID.EXAMPLE.ORG",
    ];

    private static Gen<string> Digits(int count) => Gen.Elements("0123456789".ToCharArray()).ArrayOf(count).Select(c => new string(c));

    private static Gen<string> WithCheckDigit(int count) => Digits(count - 1).Select(CheckDigit.Append);

    private static Gen<string> Text(int max) =>
        Gen.Choose(1, max).SelectMany(n => Gen.Elements(Cset82.ToCharArray()).ArrayOf(n)).Select(c => new string(c));

    private static Gen<string> Dates() =>
        Gen.Choose(0, 3650).Select(d => new DateOnly(2020, 1, 1).AddDays(d).ToString("yyMMdd", CultureInfo.InvariantCulture));

    private static Gen<DigitalLinkElement[]> Optional(string ai, Gen<string> value) =>
        Gen.Elements(true, false).SelectMany(present => value.Select(v => present ? new[] { new DigitalLinkElement(ai, v) } : []));

    private static Gen<DigitalLinkElement[]> GtinElements() =>
        from gtin in WithCheckDigit(14)
        from variant in Optional("22", Text(20))
        from batch in Optional("10", Text(20))
        from serial in Optional("21", Text(20))
        from expiry in Optional("17", Dates())
        from made in Optional("11", Dates())
        from weight in Optional("3103", Digits(6))
        from extra in Optional("99", Text(90))
        select new[] { new DigitalLinkElement("01", gtin) }.Concat(variant).Concat(batch).Concat(serial)
            .Concat(expiry).Concat(made).Concat(weight).Concat(extra).ToArray();

    private static Gen<DigitalLinkElement[]> SsccElements() =>
        from sscc in WithCheckDigit(18)
        from content in Optional("02", WithCheckDigit(14))
        from count in Gen.Choose(1, 99999999)
        from batch in Text(20)
        select content.Length == 0
            ? new[] { new DigitalLinkElement("00", sscc) }
            : [new("00", sscc), content[0], new("37", count.ToString(CultureInfo.InvariantCulture)), new("10", batch)];

    private static Gen<DigitalLinkElement[]> GlnElements() =>
        from gln in WithCheckDigit(13)
        from extension in Optional("254", Text(20))
        select new[] { new DigitalLinkElement("414", gln) }.Concat(extension).ToArray();

    private static Arbitrary<(string Stem, DigitalLinkElement[] Elements)> Links() =>
        (from stem in Gen.Elements(Stems)
         from elements in Gen.OneOf(GtinElements(), GtinElements(), SsccElements(), GlnElements())
         from shuffled in Gen.Shuffle(elements)
         select (stem, shuffled)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property CreatedLink_ParsesBackToTheSameElementsAndUri() =>
        Prop.ForAll(Links(), input =>
        {
            var created = DigitalLinkUri.Create(input.Stem, input.Elements, Options);
            var parsed = DigitalLinkUri.Parse(created.ToString(), Options);
            return parsed.ToString() == created.ToString()
                && parsed.Stem == input.Stem
                && parsed.Elements.ToHashSet().SetEquals(input.Elements);
        });

    [Property(MaxTest = 300)]
    public Property ElementString_ToDigitalLinkAndBack_KeepsEveryElementAndTheIdentifier() =>
        Prop.ForAll(Links(), input =>
        {
            var bracketed = string.Concat(input.Elements.Select(e => $"({e.Ai}){e.Value}"));
            var scanned = Gs1Parser.Parse(bracketed, Options);
            if (!scanned.Success || !DigitalLinkUri.TryCreate(input.Stem, scanned, out var link, out _))
            {
                return false;
            }

            var back = DigitalLinkUri.Parse(link.ToString(), Options).ToGs1(Options);
            return back.Success
                && back.Elements.Select(e => (e.Ai, e.Value)).ToHashSet().SetEquals(scanned.Elements.Select(e => (e.Ai, e.Value)))
                && Equals(back.Identifier, scanned.Identifier);
        });

    [Property(MaxTest = 200)]
    public Property SwappingTwoPathQualifiers_IsAlwaysRefused() =>
        Prop.ForAll(Links(), input =>
        {
            var link = DigitalLinkUri.Create(input.Stem, input.Elements, Options);
            if (link.KeyQualifiers.Count < 2)
            {
                return true;
            }

            var swapped = Swap(link);
            return !DigitalLinkUri.TryParse(swapped, Options, out _, out var error)
                && error.Kind == DigitalLinkErrorKind.QualifierOutOfOrder;
        });

    private static string Swap(DigitalLinkUri link)
    {
        var q = link.KeyQualifiers;
        var path = $"/{link.PrimaryKey.Ai}/{Encode(link.PrimaryKey.Value)}/{q[1].Ai}/{Encode(q[1].Value)}/{q[0].Ai}/{Encode(q[0].Value)}";
        path += string.Concat(q.Skip(2).Select(e => $"/{e.Ai}/{Encode(e.Value)}"));
        return link.Stem + path;
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);
}
