namespace TraceChain.Protocol.Gs1;

/// <summary>Content rule applied to one component of an AI value (named after the GS1 Syntax Dictionary linters).</summary>
public enum AiLinter
{
    /// <summary>No rule beyond length and character set.</summary>
    None,

    /// <summary>Last digit is the GS1 mod-10 check digit ("csum").</summary>
    CheckDigit,

    /// <summary>YYMMDD where DD may be 00, meaning the last day of the month ("yymmd0").</summary>
    DateDayZeroAllowed,

    /// <summary>YYMMDD, a real calendar date ("yymmdd").</summary>
    Date,

    /// <summary>YYMMDDHH, a real calendar date and an hour 00-23 ("yymmddhh").</summary>
    DateHour,

    /// <summary>HHMM, hour 00-23 and minute 00-59 ("hhmm").</summary>
    HourMinute,

    /// <summary>MM or MMSS, minutes and optional seconds 00-59 ("mmoptss").</summary>
    MinuteOptionalSecond,

    /// <summary>The single digit 0 ("zero").</summary>
    Zero,

    /// <summary>Not all zeros ("nonzero").</summary>
    NonZero,

    /// <summary>NNMM piece number of total: 0 &lt; piece &lt;= total ("pieceoftotal").</summary>
    PieceOfTotal,

    /// <summary>Winding direction 0, 1 or 9 ("winding").</summary>
    Winding,

    /// <summary>0 or 1 ("yesno").</summary>
    YesNo,

    /// <summary>No leading zero ("nozeroprefix").</summary>
    NoZeroPrefix,
}
