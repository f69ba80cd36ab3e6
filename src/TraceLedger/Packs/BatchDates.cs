using System.Globalization;

namespace TraceLedger.Packs;

/// <summary>Expiry dates: GS1 YYMMDD as printed (day 00 = last day of the month) and the stored yyyymmdd form.</summary>
public static class BatchDates
{
    /// <summary>The last day of use for a printed YYMMDD expiry, or null (with the problem) when it is not a date.</summary>
    public static DateOnly? Parse(string? yymmdd, out string? problem)
    {
        problem = null;
        if (yymmdd is not { Length: 6 } || !yymmdd.All(char.IsAsciiDigit))
        {
            problem = $"expiry '{yymmdd}' must be YYMMDD";
            return null;
        }

        var year = 2000 + int.Parse(yymmdd.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(yymmdd.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(yymmdd.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day > DateTime.DaysInMonth(year, month))
        {
            problem = $"expiry '{yymmdd}' is not a calendar date";
            return null;
        }

        return new DateOnly(year, month, day == 0 ? DateTime.DaysInMonth(year, month) : day);
    }

    /// <summary>yyyymmdd as an integer (sortable, portable).</summary>
    public static int ToNumber(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    /// <summary>The stored form back as a date.</summary>
    public static DateOnly FromNumber(int yyyymmdd) => new(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);

    /// <summary>True when a batch usable until <paramref name="expiresOn"/> (yyyymmdd) is expired at <paramref name="now"/> (UTC date).</summary>
    public static bool IsExpired(int expiresOn, DateTimeOffset now) => ToNumber(DateOnly.FromDateTime(now.UtcDateTime)) > expiresOn;
}
