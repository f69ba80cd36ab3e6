using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

public sealed class Gs1Properties
{
    private const string Cset82WithoutParenthesis = "!\"%&')*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    private static Gen<string> Digits(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Elements("0123456789".ToCharArray()).ArrayOf(n)).Select(c => new string(c));

    private static Gen<string> Text(int max) =>
        Gen.Choose(1, max).SelectMany(n => Gen.Elements(Cset82WithoutParenthesis.ToCharArray()).ArrayOf(n)).Select(c => new string(c));

    private static Gen<string> Date(bool dayZero) =>
        from yy in Gen.Choose(0, 99)
        from mm in Gen.Choose(1, 12)
        from dd in Gen.Choose(dayZero ? 0 : 1, DateTime.DaysInMonth(Gs1Date.ResolveYear(yy, 2026), mm))
        select $"{yy:00}{mm:00}{dd:00}";

    private static Gen<(string Ai, string Value)[]> PackElements =>
        from gtin in Digits(13, 13).Select(CheckDigit.Append)
        from optional in Gen.SubListOf(new[]
        {
            Date(true).Select(v => ("17", v)), Date(true).Select(v => ("11", v)), Text(20).Select(v => ("10", v)),
            Text(20).Select(v => ("21", v)), Text(20).Select(v => ("710", v)), Text(30).Select(v => ("240", v)),
            Digits(6, 6).Select(v => ("3103", v)), Digits(1, 8).Select(v => ("30", v)),
        })
        from values in Gen.CollectToArray(optional)
        from ordered in Gen.Shuffle(values.Prepend(("01", gtin)))
        select ordered;

    [Property(MaxTest = 300)]
    public Property CheckDigit_AppendThenValidate_RoundTrips() =>
        Prop.ForAll(Digits(1, 17).ToArbitrary(), body => CheckDigit.IsValid(CheckDigit.Append(body)));

    [Property(MaxTest = 500)]
    public Property CheckDigit_AnySingleDigitError_IsDetected()
    {
        var gen = from body in Digits(7, 17)
                  let key = CheckDigit.Append(body)
                  from position in Gen.Choose(0, key.Length - 1)
                  from shift in Gen.Choose(1, 9)
                  select (key, position, shift);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var chars = t.key.ToCharArray();
            chars[t.position] = (char)('0' + ((chars[t.position] - '0' + t.shift) % 10));
            return !CheckDigit.IsValid(new string(chars));
        });
    }

    [Property(MaxTest = 300)]
    public Property ElementString_ParseThenFormat_RoundTrips() =>
        Prop.ForAll(PackElements.ToArbitrary(), elements =>
        {
            var text = string.Empty;
            for (var i = 0; i < elements.Length; i++)
            {
                text += elements[i].Ai + elements[i].Value;
                if (i < elements.Length - 1 && !AiDictionary.IsPredefinedLengthPrefix(elements[i].Ai))
                {
                    text += "\u001d";
                }
            }

            var parsed = Gs1Parser.Parse("]d2" + text, Options);
            var fromHri = Gs1Parser.Parse(parsed.HumanReadable, Options);
            var fromElementString = Gs1Parser.Parse(parsed.ElementString, Options);
            return parsed.Success && parsed.ElementString == text
                && parsed.Elements.Select(e => (e.Ai, e.Value)).SequenceEqual(elements)
                && fromHri.Success && fromHri.ElementString == text
                && fromElementString.Success && fromElementString.HumanReadable == parsed.HumanReadable;
        });
}
