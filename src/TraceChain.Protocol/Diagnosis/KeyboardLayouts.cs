using System.Collections.Frozen;

namespace TraceChain.Protocol.Diagnosis;

/// <summary>
/// Undo maps for a scanner that types as a US keyboard into a computer set to another layout: each entry maps
/// the character that arrives to the one the scanner meant (the same physical key).
/// </summary>
internal static class KeyboardLayouts
{
    /// <summary>French AZERTY: the unshifted digit row gives &amp;é"'(-è_çà, A/Q and Z/W trade places, ']' is '$'.</summary>
    public static readonly FrozenDictionary<char, char> Azerty = new Dictionary<char, char>
    {
        ['&'] = '1', ['é'] = '2', ['"'] = '3', ['\''] = '4', ['('] = '5', ['-'] = '6', ['è'] = '7', ['_'] = '8',
        ['ç'] = '9', ['à'] = '0', [')'] = '-', ['°'] = '_',
        ['a'] = 'q', ['q'] = 'a', ['A'] = 'Q', ['Q'] = 'A', ['z'] = 'w', ['w'] = 'z', ['Z'] = 'W', ['W'] = 'Z',
        ['$'] = ']',
    }.ToFrozenDictionary();

    /// <summary>German QWERTZ: Y/Z trade places, ']' is '+', '-' is 'ß', '/' is '-', shifted symbols move.</summary>
    public static readonly FrozenDictionary<char, char> Qwertz = new Dictionary<char, char>
    {
        ['y'] = 'z', ['z'] = 'y', ['Y'] = 'Z', ['Z'] = 'Y', ['+'] = ']', ['ß'] = '-', ['-'] = '/', ['_'] = '?', ['?'] = '_',
        ['/'] = '&', ['('] = '*', [')'] = '(', ['='] = ')', ['ä'] = '\'', ['Ä'] = '"', ['ö'] = ';', ['Ö'] = ':',
        [';'] = '<', [':'] = '>',
    }.ToFrozenDictionary();

    /// <summary>Applies <paramref name="map"/>; null when no character is affected.</summary>
    public static string? Undo(string text, FrozenDictionary<char, char> map)
    {
        var changed = false;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (map.TryGetValue(chars[i], out var meant))
            {
                chars[i] = meant;
                changed = true;
            }
        }

        return changed ? new string(chars) : null;
    }
}
