namespace TraceChain.Protocol.Hops;

/// <summary>GS1 mod-10 check digit over a string of digits whose last digit is the check digit.</summary>
internal static class Gs1CheckDigit
{
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2)
        {
            return false;
        }

        var sum = 0;
        var weight = 3;
        for (var i = digits.Length - 2; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            sum += d * weight;
            weight = 4 - weight;
        }

        var check = digits[^1] - '0';
        return check is >= 0 and <= 9 && (10 - (sum % 10)) % 10 == check;
    }

    public static bool AllDigits(ReadOnlySpan<char> text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
