using System.Text;

namespace ScannerAgent.Commands;

/// <summary>
/// Turns a scan typed on a command line into the bytes a scanner would have sent: the group separator (GS, 0x1D)
/// cannot be typed, so <c>\x1d</c>, <c>&lt;GS&gt;</c>, <c>{GS}</c> (any letter case) and a literal 0x1D all stand for it.
/// </summary>
internal static class ScanTextDecoder
{
    public const char GroupSeparator = '\u001D';

    private static readonly string[] Notations = ["\\x1d", "<GS>", "{GS}"];

    public static string Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var notation = Notations.FirstOrDefault(n => text.AsSpan(i).StartsWith(n, StringComparison.OrdinalIgnoreCase));
            if (notation is not null)
            {
                builder.Append(GroupSeparator);
                i += notation.Length;
            }
            else
            {
                builder.Append(text[i++]);
            }
        }

        // CR/LF are kept: a scanner's Enter suffix left in the data is one of the faults the diagnosis names.
        return builder.ToString();
    }

    /// <summary>The scan with every GS shown as <c>&lt;GS&gt;</c>, for printing.</summary>
    public static string Show(string data) => data.Replace(GroupSeparator.ToString(), "<GS>", StringComparison.Ordinal);
}
