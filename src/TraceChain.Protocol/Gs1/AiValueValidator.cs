using System.Globalization;

namespace TraceChain.Protocol.Gs1;

/// <summary>
/// Validates one AI value against its definition: length, character set, check digit, dates (YYMMDD, day 00 =
/// end of month where allowed, real calendar, GS1 century rule) and the other component rules.
/// </summary>
public static class AiValueValidator
{
    /// <summary>
    /// Checks <paramref name="value"/> for <paramref name="definition"/>. Returns null when valid, otherwise the
    /// first error with its position relative to the start of the value.
    /// </summary>
    /// <param name="definition">The AI definition.</param>
    /// <param name="value">The value without the AI.</param>
    /// <param name="referenceYear">The year the GS1 century rule resolves two-digit years against (usually the current year).</param>
    public static Gs1Error? Validate(ApplicationIdentifier definition, ReadOnlySpan<char> value, int referenceYear)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (value.Length < definition.MinLength)
        {
            return new Gs1Error(Gs1ErrorCode.ValueTooShort, definition.Ai, value.Length,
                $"value has {value.Length} characters; format {definition.Format} needs at least {definition.MinLength}");
        }

        if (value.Length > definition.MaxLength)
        {
            return new Gs1Error(Gs1ErrorCode.ValueTooLong, definition.Ai, definition.MaxLength,
                $"value has {value.Length} characters; format {definition.Format} allows at most {definition.MaxLength}");
        }

        var components = definition.Components;
        var position = 0;
        for (var k = 0; k < components.Count; k++)
        {
            var component = components[k];
            var remaining = value.Length - position;
            if (remaining == 0 && component.Optional)
            {
                break;
            }

            var length = component.IsFixedLength ? component.MaxLength : Math.Min(remaining, component.MaxLength);
            if (remaining < length || length < component.MinLength)
            {
                return new Gs1Error(Gs1ErrorCode.ValueTooShort, definition.Ai, value.Length,
                    $"value has {value.Length} characters, too few for format {definition.Format}");
            }

            var part = value.Slice(position, length);
            var bad = Gs1CharSets.IndexOfInvalid(component.CharSet, part);
            if (bad >= 0)
            {
                return new Gs1Error(Gs1ErrorCode.InvalidCharacter, definition.Ai, position + bad,
                    $"character {Describe(part[bad])} is not allowed in a {Name(component.CharSet)} field (format {definition.Format})");
            }

            var error = Lint(definition, component.Linter, part, referenceYear);
            if (error is not null)
            {
                return error.ShiftedBy(position);
            }

            position += length;
        }

        return position == value.Length ? null
            : new Gs1Error(Gs1ErrorCode.ValueTooLong, definition.Ai, position,
                $"value has {value.Length} characters, too many for format {definition.Format}");
    }

    /// <summary>Character for messages: printable as itself, control characters as their code.</summary>
    internal static string Describe(char c) => c is >= ' ' and < (char)127
        ? $"'{c}'"
        : $"U+{(int)c:X4}" + c switch { '\u001d' => " (GS)", '\r' => " (CR)", '\n' => " (LF)", '\t' => " (TAB)", _ => string.Empty };

    private static string Name(Gs1CharSet charSet) => charSet switch
    {
        Gs1CharSet.Numeric => "numeric",
        Gs1CharSet.Cset82 => "CSET 82",
        Gs1CharSet.Cset39 => "CSET 39",
        _ => "CSET 64",
    };

    private static Gs1Error? Lint(ApplicationIdentifier definition, AiLinter linter, ReadOnlySpan<char> part, int referenceYear)
    {
        string? problem = null;
        var code = Gs1ErrorCode.InvalidValue;
        switch (linter)
        {
            case AiLinter.CheckDigit:
                if (!CheckDigit.IsValid(part))
                {
                    code = Gs1ErrorCode.InvalidCheckDigit;
                    var expected = CheckDigit.Compute(part[..^1]);
                    return new Gs1Error(code, definition.Ai, part.Length - 1,
                        $"check digit is {part[^1]} but should be {expected.ToString(CultureInfo.InvariantCulture)}");
                }

                break;
            case AiLinter.DateDayZeroAllowed or AiLinter.Date or AiLinter.DateHour:
                code = Gs1ErrorCode.InvalidDate;
                if (!Gs1Date.TryParse(part[..6], referenceYear, linter == AiLinter.DateDayZeroAllowed, out _))
                {
                    problem = $"'{part[..6]}' is not a real YYMMDD date" + (linter == AiLinter.DateDayZeroAllowed ? " (day 00 means end of month)" : string.Empty);
                }
                else if (linter == AiLinter.DateHour && (!Gs1Date.TwoDigits(part, 6, out var hour) || hour > 23))
                {
                    problem = $"hour '{part[6..8]}' is not 00-23";
                }

                break;
            case AiLinter.HourMinute:
                code = Gs1ErrorCode.InvalidDate;
                if (!Gs1Date.TwoDigits(part, 0, out var hh) || hh > 23 || !Gs1Date.TwoDigits(part, 2, out var mm) || mm > 59)
                {
                    problem = $"time '{part}' is not a valid HHMM";
                }

                break;
            case AiLinter.MinuteOptionalSecond:
                code = Gs1ErrorCode.InvalidDate;
                if (part.Length is not (2 or 4) || !Gs1Date.TwoDigits(part, 0, out var minutes) || minutes > 59
                    || (part.Length == 4 && (!Gs1Date.TwoDigits(part, 2, out var seconds) || seconds > 59)))
                {
                    problem = $"'{part}' is not MM or MMSS";
                }

                break;
            case AiLinter.Zero:
                problem = part is "0" ? null : "first digit must be 0";
                break;
            case AiLinter.NonZero:
                problem = part.ContainsAnyExcept('0') ? null : $"'{part}' must not be all zeros";
                break;
            case AiLinter.PieceOfTotal:
                problem = IsPieceOfTotal(part) ? null : $"'{part}' is not a piece number between 1 and the total";
                break;
            case AiLinter.Winding:
                problem = part is "0" or "1" or "9" ? null : "winding direction must be 0, 1 or 9";
                break;
            case AiLinter.YesNo:
                problem = part is "0" or "1" ? null : "must be 0 or 1";
                break;
            case AiLinter.NoZeroPrefix:
                problem = part.Length > 1 && part[0] == '0' ? "must not start with 0" : null;
                break;
            default:
                break;
        }

        return problem is null ? null : new Gs1Error(code, definition.Ai, 0, problem);
    }

    private static bool IsPieceOfTotal(ReadOnlySpan<char> part)
    {
        if (part.Length % 2 != 0)
        {
            return false;
        }

        var half = part.Length / 2;
        var piece = int.Parse(part[..half], CultureInfo.InvariantCulture);
        var total = int.Parse(part[half..], CultureInfo.InvariantCulture);
        return piece >= 1 && total >= 1 && piece <= total;
    }
}
