using System.Globalization;
using System.Text;

namespace FirmwareSim.Scenarios;

/// <summary>
/// Parses the scenario format (docs/serial.md): one step per line, <c>scanner delay action [argument]</c>;
/// scanner is 1..N or *, delay is milliseconds or - (the --rate interval); '#' lines and blank lines are skipped.
/// Scan data is the rest of the line with \xHH, \r, \n, \t and \\ escapes (GS is \x1d).
/// </summary>
public static class ScenarioParser
{
    /// <summary>Parses a whole scenario.</summary>
    /// <exception cref="ScenarioFormatException">A line is malformed; the message names it.</exception>
    public static IReadOnlyList<ScenarioStep> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<ScenarioStep>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            steps.Add(ParseLine(i + 1, line));
        }

        return steps;
    }

    /// <summary>Resolves \xHH, \r, \n, \t and \\ escapes into bytes (other chars must be Latin-1).</summary>
    public static byte[] Unescape(string text, int line)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                if (c > 0xFF)
                {
                    throw new ScenarioFormatException($"line {line}: character '{c}' is not Latin-1; write bytes as \\xHH");
                }

                bytes.Add((byte)c);
                continue;
            }

            if (i + 1 >= text.Length)
            {
                throw new ScenarioFormatException($"line {line}: data ends with a lone backslash");
            }

            var e = text[++i];
            switch (e)
            {
                case 'x':
                    if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                    {
                        throw new ScenarioFormatException($"line {line}: \\x needs two hex digits");
                    }

                    bytes.Add(b);
                    i += 2;
                    break;
                case 'r':
                    bytes.Add(0x0D);
                    break;
                case 'n':
                    bytes.Add(0x0A);
                    break;
                case 't':
                    bytes.Add(0x09);
                    break;
                case '\\':
                    bytes.Add((byte)'\\');
                    break;
                default:
                    throw new ScenarioFormatException($"line {line}: unknown escape \\{e} (use \\xHH, \\r, \\n, \\t or \\\\)");
            }
        }

        return [.. bytes];
    }

    private static ScenarioStep ParseLine(int number, string line)
    {
        var parts = line.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            throw new ScenarioFormatException($"line {number}: expected '<scanner> <delay> <action> [argument]', got '{line}'");
        }

        var scanner = parts[0] == "*" ? 0 : ParseInt(parts[0], number, "scanner", min: 1);
        TimeSpan? delay = parts[1] == "-" ? null : TimeSpan.FromMilliseconds(ParseInt(parts[1], number, "delay", min: 0));
        var argument = parts.Length > 3 ? parts[3] : string.Empty;
        return parts[2].ToUpperInvariant() switch
        {
            "SCAN" => Step(ScenarioAction.Scan, RequireData(argument, number)),
            "SPLIT" => Step(ScenarioAction.Split, RequireData(argument, number)),
            "BADCHECKSUM" => Step(ScenarioAction.BadChecksum, RequireData(argument, number)),
            "GARBAGE" => Step(ScenarioAction.Garbage, [], count: ParseInt(argument, number, "garbage byte count", min: 1)),
            "UNPLUG" => Step(ScenarioAction.Unplug, [], duration: TimeSpan.FromMilliseconds(ParseInt(argument, number, "unplug milliseconds", min: 0))),
            "BURST" => ParseBurst(argument),
            _ => throw new ScenarioFormatException($"line {number}: unknown action '{parts[2]}' (scan, split, badchecksum, garbage, burst, unplug)"),
        };

        ScenarioStep ParseBurst(string argument)
        {
            var burst = argument.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (burst.Length < 2)
            {
                throw new ScenarioFormatException($"line {number}: burst needs '<count> <data>'");
            }

            return Step(ScenarioAction.Burst, RequireData(burst[1], number), count: ParseInt(burst[0], number, "burst count", min: 1));
        }

        ScenarioStep Step(ScenarioAction action, byte[] data, int count = 1, TimeSpan duration = default) =>
            new(number, scanner, delay, action, data, count, duration);
    }

    private static byte[] RequireData(string argument, int line)
    {
        var data = Unescape(argument, line);
        return data.Length > 0 ? data : throw new ScenarioFormatException($"line {line}: scan data is missing");
    }

    private static int ParseInt(string text, int line, string what, int min)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ScenarioFormatException($"line {line}: {what} must be a whole number >= {min}, got '{text}'");
        }

        return value;
    }

    internal static string Describe(byte[] data) => Encoding.Latin1.GetString(data).Replace("\u001d", "\\x1d", StringComparison.Ordinal);
}
