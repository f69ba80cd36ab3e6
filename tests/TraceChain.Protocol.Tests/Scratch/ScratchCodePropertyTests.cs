using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TraceChain.Protocol.Scratch;
using TraceChain.Protocol.Text;

namespace TraceChain.Protocol.Tests.Scratch;

public sealed class ScratchCodePropertyTests
{
    private static Arbitrary<string> Payloads() =>
        Gen.Elements("0123456789".ToCharArray())
            .ArrayOf(ScratchCode.PayloadLength)
            .Select(chars => new string(chars))
            .ToArbitrary();

    private static Arbitrary<(string Payload, int Position, int Delta)> SingleErrors() =>
        (from payload in Payloads().Generator
         from position in Gen.Choose(0, ScratchCode.Length - 1)
         from delta in Gen.Choose(1, 9)
         select (payload, position, delta)).ToArbitrary();

    private static Arbitrary<(string Payload, int Position)> AdjacentSwaps() =>
        (from payload in Payloads().Generator
         from position in Gen.Choose(0, ScratchCode.Length - 2)
         select (payload, position)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property AnySingleDigitError_IsRejectedAsATypo() =>
        Prop.ForAll(SingleErrors(), e =>
        {
            var digits = ScratchCode.FromPayload(e.Payload).Digits.ToCharArray();
            digits[e.Position] = (char)('0' + ((digits[e.Position] - '0' + e.Delta) % 10));
            return !ScratchCode.TryParse(new string(digits), out _, out var error)
                && error.Kind == CodeInputErrorKind.CheckDigitMismatch;
        });

    [Property(MaxTest = 500)]
    public Property AnyAdjacentTransposition_IsRejectedUnlessTheDigitsAreEqual() =>
        Prop.ForAll(AdjacentSwaps(), s =>
        {
            var digits = ScratchCode.FromPayload(s.Payload).Digits.ToCharArray();
            var same = digits[s.Position] == digits[s.Position + 1];
            (digits[s.Position], digits[s.Position + 1]) = (digits[s.Position + 1], digits[s.Position]);
            var accepted = ScratchCode.TryParse(new string(digits), out _, out _);
            return same ? accepted : !accepted;
        });

    [Property(MaxTest = 200)]
    public Property EverySingleErrorAndEveryAdjacentSwapOfACode_IsDetected() =>
        Prop.ForAll(Payloads(), payload =>
        {
            var valid = ScratchCode.FromPayload(payload).Digits;
            for (var i = 0; i < valid.Length; i++)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d != valid[i] && DammCheckDigit.IsValid(string.Concat(valid.AsSpan(0, i), [d], valid.AsSpan(i + 1))))
                    {
                        return false;
                    }
                }

                if (i + 1 < valid.Length && valid[i] != valid[i + 1]
                    && DammCheckDigit.IsValid(string.Concat(valid.AsSpan(0, i), [valid[i + 1], valid[i]], valid.AsSpan(i + 2))))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 200)]
    public Property FormattedCode_ParsesBackToTheSameCode() =>
        Prop.ForAll(Payloads(), payload =>
        {
            var code = ScratchCode.FromPayload(payload);
            return ScratchCode.Parse(code.Format()) == code
                && ScratchCode.Parse(code.Format('-')) == code
                && ScratchCode.Parse(ToFullWidth(code.Format('\u3000'))) == code;
        });

    private static string ToFullWidth(string s) =>
        new(s.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '\uFF10') : c).ToArray());
}
