namespace TraceChain.Protocol.Gs1;

/// <summary>
/// GS1 dates (General Specifications 7.12): YYMMDD with the century chosen relative to a reference year, and
/// DD = 00 meaning the last day of the month where the AI allows it (e.g. expiry date AI 17).
/// </summary>
public static class Gs1Date
{
    /// <summary>
    /// The full year for a two-digit year: a year 51 to 99 years ahead of the reference is in the previous century,
    /// one 50 to 99 years behind is in the next, otherwise the reference century.
    /// </summary>
    public static int ResolveYear(int twoDigitYear, int referenceYear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(twoDigitYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(twoDigitYear, 99);
        var century = referenceYear / 100 * 100;
        var difference = twoDigitYear - (referenceYear % 100);
        return difference switch
        {
            >= 51 => century - 100 + twoDigitYear,
            <= -50 => century + 100 + twoDigitYear,
            _ => century + twoDigitYear,
        };
    }

    /// <summary>
    /// Reads YYMMDD. With <paramref name="allowDayZero"/>, DD = 00 gives the last day of the month.
    /// False when the text is not six digits or not a real calendar date.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> yymmdd, int referenceYear, bool allowDayZero, out DateOnly date)
    {
        date = default;
        if (yymmdd.Length != 6 || !TwoDigits(yymmdd, 0, out var yy) || !TwoDigits(yymmdd, 2, out var month)
            || !TwoDigits(yymmdd, 4, out var day) || month is < 1 or > 12)
        {
            return false;
        }

        var year = ResolveYear(yy, referenceYear);
        if (year is < 1 or > 9999)
        {
            return false;
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day == 0 && allowDayZero)
        {
            day = daysInMonth;
        }

        if (day < 1 || day > daysInMonth)
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    internal static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        var high = text[at] - '0';
        var low = text[at + 1] - '0';
        value = (high * 10) + low;
        return (uint)high <= 9 && (uint)low <= 9;
    }
}
