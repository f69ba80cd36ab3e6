using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TraceChain.Protocol.Scratch;
using TraceChain.Protocol.Text;

namespace TraceChain.Protocol.Tests.Scratch;

public sealed partial class ScratchCodeTests
{
    [Fact]
    public void Generate_FromCsprng_GivesValidSixteenDigitCodes()
    {
        using var rng = RandomNumberGenerator.Create();
        var codes = Enumerable.Range(0, 1000).Select(_ => ScratchCode.Generate(rng)).ToList();
        Assert.All(codes, c =>
        {
            Assert.Matches("^[0-9]{16}$", c.Digits);
            Assert.True(DammCheckDigit.IsValid(c.Digits));
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Generate_SkipsBytesAbove249SoDigitsStayUniform()
    {
        // 250..255 would make 0..5 more likely than 6..9 if reduced mod 10; they must be rejected.
        using var rng = new ScriptedRandom([255, 250, 13, 7, 249, 100, 42, 251, 0, 9, 19, 28, 37, 46, 55, 64, 73, 82, 91]);
        var code = ScratchCode.Generate(rng);
        Assert.Equal("379020998765432", code.Digits[..15]);
    }

    [Fact]
    public void Generate_DigitsAreRoughlyUniform()
    {
        using var rng = RandomNumberGenerator.Create();
        var counts = new int[10];
        for (var i = 0; i < 2000; i++)
        {
            foreach (var c in ScratchCode.Generate(rng).Digits.AsSpan(0, ScratchCode.PayloadLength))
            {
                counts[c - '0']++;
            }
        }

        // 30,000 draws, expected 3,000 per digit, sd ~52: a band of ±400 fails only on a broken generator.
        Assert.All(counts, n => Assert.InRange(n, 2600, 3400));
    }

    [Fact]
    public void Format_ShowsFourGroupsOfFour()
    {
        var code = ScratchCode.Parse("5260181590830169");
        Assert.Equal("5260 1815 9083 0169", code.Format());
        Assert.Equal("5260-1815-9083-0169", code.Format('-'));
        Assert.Equal("5260 1815 9083 0169", code.ToString());
    }

    [Fact]
    public void FromPayload_AppendsTheDammCheckDigit() =>
        Assert.Equal("5260181590830169", ScratchCode.FromPayload("526018159083016").Digits);

    [Theory]
    [InlineData("12345")]
    [InlineData("52601815908301a")]
    [InlineData("5260181590830169")]
    public void FromPayload_NotFifteenDigits_Throws(string payload) =>
        Assert.Throws<ArgumentException>(() => ScratchCode.FromPayload(payload));

    [Fact]
    public void TryParse_WrongCheckDigit_SaysProbablyATypo()
    {
        Assert.False(ScratchCode.TryParse("5260 1815 9083 0168", out _, out var error));
        Assert.Equal(CodeInputErrorKind.CheckDigitMismatch, error.Kind);
        Assert.Contains("probably a typo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => ScratchCode.Parse("5260 1815"));

    [Fact]
    public void GoldenVectors_ParseAsRecorded()
    {
        var lines = File.ReadAllLines(TestDataPath("codes", "scratch-codes.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        Assert.True(lines.Count >= 10);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            var input = UnicodeEscape().Replace(parts[0], m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
            var expected = parts[1];
            var ok = ScratchCode.TryParse(input, out var code, out var error);
            if (expected.StartsWith("error:", StringComparison.Ordinal))
            {
                Assert.False(ok, line);
                Assert.Equal(expected["error:".Length..], error!.Kind.ToString());
            }
            else
            {
                Assert.True(ok, $"{line}: {error?.Message}");
                Assert.Equal(expected, code!.Digits);
            }
        }
    }

    internal static string TestDataPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "testdata", .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"testdata/{string.Join('/', parts)} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex UnicodeEscape();

    private sealed class ScriptedRandom(byte[] script) : RandomNumberGenerator
    {
        private int _next;

        public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

        public override void GetBytes(Span<byte> data)
        {
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = _next < script.Length ? script[_next++] : (byte)255;
            }
        }
    }
}
