using System.Buffers;

namespace TraceChain.Protocol.Gs1;

/// <summary>Membership tests for the GS1 character sets, one table lookup per character.</summary>
public static class Gs1CharSets
{
    private const string Cset82Symbols = "!\"%&'()*+,-./:;<=>?_";
    private const string Cset39Symbols = "#-/";

    private static readonly byte[] Table = Build();

    // Vectorised searches for the first character outside each set, indexed by Gs1CharSet.
    private static readonly SearchValues<char>[] Members = [.. Enum.GetValues<Gs1CharSet>().Select(BuildMembers)];

    /// <summary>True when <paramref name="c"/> belongs to <paramref name="charSet"/>.</summary>
    public static bool Contains(Gs1CharSet charSet, char c) =>
        c < 128 && (Table[c] & (1 << (int)charSet)) != 0;

    /// <summary>Index of the first character not in <paramref name="charSet"/>, or -1 when all belong.</summary>
    public static int IndexOfInvalid(Gs1CharSet charSet, ReadOnlySpan<char> text) =>
        charSet == Gs1CharSet.Numeric ? text.IndexOfAnyExceptInRange('0', '9') : text.IndexOfAnyExcept(Members[(int)charSet]);

    private static SearchValues<char> BuildMembers(Gs1CharSet charSet) =>
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => Contains(charSet, c))]);

    private static byte[] Build()
    {
        var table = new byte[128];
        void Add(Gs1CharSet set, char c) => table[c] |= (byte)(1 << (int)set);
        for (var c = '0'; c <= '9'; c++)
        {
            Add(Gs1CharSet.Numeric, c);
            Add(Gs1CharSet.Cset82, c);
            Add(Gs1CharSet.Cset39, c);
            Add(Gs1CharSet.Cset64, c);
        }

        for (var c = 'A'; c <= 'Z'; c++)
        {
            Add(Gs1CharSet.Cset82, c);
            Add(Gs1CharSet.Cset39, c);
            Add(Gs1CharSet.Cset64, c);
            Add(Gs1CharSet.Cset82, char.ToLowerInvariant(c));
            Add(Gs1CharSet.Cset64, char.ToLowerInvariant(c));
        }

        foreach (var c in Cset82Symbols)
        {
            Add(Gs1CharSet.Cset82, c);
        }

        foreach (var c in Cset39Symbols)
        {
            Add(Gs1CharSet.Cset39, c);
        }

        Add(Gs1CharSet.Cset64, '-');
        Add(Gs1CharSet.Cset64, '_');
        Add(Gs1CharSet.Cset64, '=');
        return table;
    }
}
