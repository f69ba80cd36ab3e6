namespace TraceLedger.Tests.Support;

/// <summary>Builds GS1 keys with a correct mod-10 check digit for test data.</summary>
internal static class Gs1
{
    public static string WithCheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            // Weight 3 on the digit next to the check digit, alternating leftwards.
            sum += (body[body.Length - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        }

        return body + (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public static string Gln(int n) => WithCheckDigit($"401234{n:D6}");

    public static string Gtin(int n) => WithCheckDigit($"0400638{n:D6}");
}
