namespace TraceChain.Protocol.Gs1;

/// <summary>Membership tests for the GS1 character sets, one table lookup per character.</summary>
public static class Gs1CharSets
{
    private const string Cset82Symbols = "!\"%&'()*+,-./:;<=>?_";
    private const string Cset39Symbols = "#-/";

    private static readonly byte[] Table = Build();

    /// <summary>True when <paramref name="c"/> belongs to <paramref name="charSet"/>.</summary>
    public static bool Contains(Gs1CharSet charSet, char c) =>
        c < 128 && (Table[c] & (1 << (int)charSet)) != 0;

    /// <summary>Index of the first character not in <paramref name="charSet"/>, or -1 when all belong.</summary>
    public static int IndexOfInvalid(Gs1CharSet charSet, ReadOnlySpan<char> text)
    {
        var mask = 1 << (int)charSet;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128 || (Table[c] & mask) == 0)
            {
                return i;
            }
        }

        return -1;
    }

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
