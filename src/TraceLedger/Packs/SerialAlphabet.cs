using System.Security.Cryptography;

namespace TraceLedger.Packs;

/// <summary>
/// Random pack serials: <see cref="Length"/> symbols from a 32-symbol alphabet (digits 2-9 and capital letters
/// without I and O, so nothing is misread as 0/1/O/I when typed), drawn from a CSPRNG. 32^12 = 2^60 ≈ 1.15e18
/// serials per GTIN: with N packs commissioned, a guessed serial is valid with probability N / 2^60, below the
/// 1 in 10,000 of EU Delegated Regulation 2016/161 art. 4 for any N up to 1.15e14 (docs/packs.md).
/// </summary>
public static class SerialAlphabet
{
    /// <summary>The symbols, all in GS1 CSET 82.</summary>
    public const string Symbols = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Symbols per serial.</summary>
    public const int Length = 12;

    /// <summary>Number of distinct serials (32^12).</summary>
    public static double SerialSpace { get; } = Math.Pow(Symbols.Length, Length);

    /// <summary>Chance that one guessed serial is a valid one when <paramref name="packs"/> serials of the GTIN exist.</summary>
    public static double GuessProbability(long packs) => packs / SerialSpace;

    /// <summary>A new random serial.</summary>
    public static string Generate(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[Length];
        random.GetBytes(bytes);
        Span<char> serial = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            // 256 is a multiple of 32, so the low five bits are uniform: no rejection needed.
            serial[i] = Symbols[bytes[i] & 31];
        }

        return new string(serial);
    }
}
