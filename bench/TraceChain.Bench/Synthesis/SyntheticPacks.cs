using System.Globalization;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Scratch;
using TraceLedger.Packs;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// A deterministic population of commissioned packs: pack <c>i</c> of <see cref="Count"/> is in batch
/// <c>i / BatchSize</c> of one of five products, with a serial and a scratch code that are bijective scrambles of
/// <c>i</c> (so they look random, never collide, and any pack can be named again without storing the list), and
/// the serials after <see cref="Count"/> are guaranteed never commissioned (the counterfeit path).
/// </summary>
/// <param name="Count">Packs commissioned.</param>
/// <param name="BatchSize">Packs per batch (the commissioning benchmark's 100,000 by default).</param>
public sealed record SyntheticPacks(long Count, int BatchSize = 100_000)
{
    /// <summary>GLN of the manufacturer that owns every product.</summary>
    public const string Manufacturer = "4012345000009";

    /// <summary>Expiry (AI 17) of every batch; far enough ahead that no verdict says expired.</summary>
    public const string Expiry = "301231";

    private const int Products = 5;
    private const long Mask60 = (1L << 60) - 1;
    private const long Mask50 = (1L << 50) - 1;
    private const long PayloadSpace = 1_000_000_000_000_000;

    /// <summary>Product data of every product.</summary>
    public static ProductData Product { get; } = new("Scale", "1 mg", "tablet", 10);

    /// <summary>Number of batches.</summary>
    public long Batches => (Count + BatchSize - 1) / BatchSize;

    /// <summary>GTIN-14 of product <paramref name="p"/> (0-based), under company prefix 400638.</summary>
    public static string Gtin(int p)
    {
        var body = "0400638" + (900_000 + p).ToString(CultureInfo.InvariantCulture)[..6];
        return body + CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>GTIN of batch <paramref name="batch"/>'s product.</summary>
    public static string GtinOfBatch(long batch) => Gtin((int)(batch % Products));

    /// <summary>Lot (AI 10) of batch <paramref name="batch"/>.</summary>
    public static string Lot(long batch) => "S" + batch.ToString(CultureInfo.InvariantCulture);

    /// <summary>Canonical identifier of pack <paramref name="i"/>; for <paramref name="i"/> >= <see cref="Count"/> a pack of the same product that was never commissioned.</summary>
    public string Identifier(long i) => PackIdentifier.ForGtinSerial(GtinOfBatch(i < Count ? i / BatchSize : i % Batches), Serial(i));

    /// <summary>The 16 scratch-code digits of pack <paramref name="i"/>.</summary>
    public static string ScratchDigits(long i)
    {
        // Cycle-walking keeps the 2^50 permutation a permutation of the 10^15 payloads.
        var x = Scramble50(i);
        while (x >= PayloadSpace)
        {
            x = Scramble50(x);
        }

        return ScratchCode.FromPayload(x.ToString("D15", CultureInfo.InvariantCulture)).Digits;
    }

    /// <summary>12 serial symbols from a bijective 60-bit scramble of <paramref name="i"/>.</summary>
    public static string Serial(long i)
    {
        var x = Scramble60(i);
        Span<char> serial = stackalloc char[SerialAlphabet.Length];
        for (var k = 0; k < serial.Length; k++)
        {
            serial[k] = SerialAlphabet.Symbols[(int)(x & 31)];
            x >>= 5;
        }

        return new string(serial);
    }

    // Odd multipliers and xor-shifts are each invertible modulo 2^bits, so the composition is a bijection.
    private static long Scramble60(long x)
    {
        x = (x * unchecked((long)0x9E3779B97F4A7C15)) & Mask60;
        x ^= x >> 29;
        x = (x * 0x2545F4914F6CDD1D) & Mask60;
        return x ^ (x >> 31);
    }

    private static long Scramble50(long x)
    {
        x = (x * 0x5DEECE66D) & Mask50;
        x ^= x >> 23;
        x = (x * 0x27BB2EE687B0B0FD) & Mask50;
        return x ^ (x >> 26);
    }
}
