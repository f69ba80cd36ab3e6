using System.Globalization;

namespace TraceChain.Protocol.Gs1;

/// <summary>Turns <see cref="AiTable.Text"/> into definitions once, at type initialisation.</summary>
internal static class AiTableReader
{
    private static readonly string[] QualifierAis = ["22", "10", "21", "235", "254", "7040", "8011", "8019", "8020"];

    public static List<ApplicationIdentifier> Read(string text)
    {
        var result = new List<ApplicationIdentifier>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var hash = line.IndexOf(" # ", StringComparison.Ordinal);
            var title = line[(hash + 3)..].Trim();
            var tokens = line[..hash].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (first, last) = ReadRange(tokens[0]);
            var components = new List<AiComponent>();
            var requires = new List<IReadOnlyList<string>>();
            var excludes = new List<string>();
            var isKey = false;
            var qualifiers = new List<IReadOnlyList<string>>();
            foreach (var token in tokens.AsSpan(1))
            {
                if (token.StartsWith("req=", StringComparison.Ordinal))
                {
                    requires.Add(token[4..].Split(','));
                }
                else if (token.StartsWith("ex=", StringComparison.Ordinal))
                {
                    excludes.AddRange(token[3..].Split(','));
                }
                else if (token.StartsWith("dlpkey", StringComparison.Ordinal))
                {
                    isKey = true;
                    if (token.StartsWith("dlpkey=", StringComparison.Ordinal))
                    {
                        qualifiers.AddRange(token[7..].Split('|').Select(s => (IReadOnlyList<string>)s.Split(',')));
                    }
                }
                else
                {
                    components.Add(ReadComponent(token));
                }
            }

            var width = tokens[0].Split('-')[0].Length;
            for (var number = first; number <= last; number++)
            {
                var ai = number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
                var digit = number % 10;
                result.Add(new ApplicationIdentifier
                {
                    Ai = ai,
                    Title = title.Replace("{d1}", (digit + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{d}", digit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    Components = components,
                    IsPredefinedLength = AiDictionary.IsPredefinedLengthPrefix(ai.AsSpan(0, 2)),
                    DigitalLinkRole = isKey ? DigitalLinkRole.PrimaryKey
                        : QualifierAis.Contains(ai) ? DigitalLinkRole.Qualifier : DigitalLinkRole.DataAttribute,
                    DigitalLinkQualifiers = qualifiers,
                    Requires = requires,
                    Excludes = excludes,
                    MinLength = components.Where(c => !c.Optional).Sum(c => c.MinLength),
                    MaxLength = components.Sum(c => c.MaxLength),
                    CharSet = components.Select(c => c.CharSet).FirstOrDefault(c => c != Gs1CharSet.Numeric, Gs1CharSet.Numeric),
                    HasCheckDigit = components.Any(c => c.Linter == AiLinter.CheckDigit),
                    IsDate = components[0].Linter is AiLinter.Date or AiLinter.DateDayZeroAllowed or AiLinter.DateHour,
                    Format = string.Join('+', tokens.Skip(1).Where(t => t[0] is 'N' or 'X' or 'Y' or 'Z' or '[')
                        .Select(t => t[0] == '[' ? $"[{t.Trim('[', ']').Split(',')[0]}]" : t.Split(',')[0])),
                });
            }
        }

        return result;
    }

    private static (int First, int Last) ReadRange(string token)
    {
        var parts = token.Split('-');
        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (first, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : first);
    }

    private static AiComponent ReadComponent(string token)
    {
        var optional = token.StartsWith('[');
        var body = optional ? token[1..^1] : token;
        var parts = body.Split(',');
        var type = parts[0];
        var charSet = type[0] switch
        {
            'N' => Gs1CharSet.Numeric,
            'X' => Gs1CharSet.Cset82,
            'Y' => Gs1CharSet.Cset39,
            'Z' => Gs1CharSet.Cset64,
            _ => throw new FormatException($"Unknown component type in AI table: {token}"),
        };
        var variable = type.AsSpan(1).StartsWith("..");
        var length = int.Parse(type.AsSpan(variable ? 3 : 1), CultureInfo.InvariantCulture);
        var linter = parts.Length < 2 ? AiLinter.None : parts[1] switch
        {
            "csum" => AiLinter.CheckDigit,
            "yymmd0" => AiLinter.DateDayZeroAllowed,
            "yymmdd" => AiLinter.Date,
            "yymmddhh" => AiLinter.DateHour,
            "hhmm" => AiLinter.HourMinute,
            "mmoptss" => AiLinter.MinuteOptionalSecond,
            "zero" => AiLinter.Zero,
            "nonzero" => AiLinter.NonZero,
            "pieceoftotal" => AiLinter.PieceOfTotal,
            "winding" => AiLinter.Winding,
            "yesno" => AiLinter.YesNo,
            "nozeroprefix" => AiLinter.NoZeroPrefix,
            _ => throw new FormatException($"Unknown linter in AI table: {token}"),
        };
        return new AiComponent(charSet, variable ? 1 : length, length, optional, linter);
    }
}
