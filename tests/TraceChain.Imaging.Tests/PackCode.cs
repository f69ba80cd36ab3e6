using System.Text;

namespace TraceChain.Imaging.Tests;

/// <summary>A random pack identity (GTIN, expiry, batch, serial) and what a scanner must read back for it.</summary>
internal sealed record PackCode(string Gtin, string Expiry, string Batch, string Serial)
{
    private const string SerialAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>"(01)...(17)...(10)...(21)..." as printed under the symbol.</summary>
    public string ElementString => $"(01){Gtin}(17){Expiry}(10){Batch}(21){Serial}";

    /// <summary>The GS1 Digital Link URI of the pack.</summary>
    public string DigitalLink => $"https://id.tracechain.example/01/{Gtin}/10/{Batch}/21/{Serial}?17={Expiry}";

    /// <summary>
    /// The transmitted data: 01 and 17 are fixed-length (no separator); 10 is variable-length and followed by
    /// another AI, so a GS ends it; 21 is last, so nothing ends it.
    /// </summary>
    public byte[] ExpectedBytes => Encoding.ASCII.GetBytes($"01{Gtin}17{Expiry}10{Batch}\u001D21{Serial}");

    public static PackCode Random(Random random)
    {
        var body = string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + random.Next(10))));
        var expiry = $"{random.Next(25, 40):D2}{random.Next(1, 13):D2}{random.Next(0, 29):D2}";
        var batch = RandomText(random, random.Next(1, 11), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
        var serial = RandomText(random, random.Next(8, 21), SerialAlphabet);
        return new PackCode(body + Gs1CheckDigit(body), expiry, batch, serial);
    }

    /// <summary>GS1 mod-10 check digit: weights 3,1,3,... from the rightmost data digit.</summary>
    public static char Gs1CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var weight = (digits.Length - i) % 2 == 1 ? 3 : 1;
            sum += (digits[i] - '0') * weight;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static string RandomText(Random random, int length, string alphabet) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));
}
