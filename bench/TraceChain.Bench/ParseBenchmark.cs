using System.Globalization;
using TraceChain.Protocol.Gs1;

namespace TraceChain.Bench;

/// <summary>
/// parse_per_s: GS1 element strings parsed (and their canonical identifier taken, as the scanner agent does) per
/// second on one thread, median of several runs over a mix of realistic scans: serialised medicine packs
/// (]d2, ]Q3), pallet labels (]C1 SSCC), batch-only and GS-after-fixed-length variants.
/// </summary>
public sealed class ParseBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "parse";

    /// <inheritdoc />
    public Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var scans = Scans();
        var options = Gs1ParseOptions.Default;
        var perRun = context.Size(2_000_000, 300_000);
        var runs = context.Size(7, 5);
        Loop(scans, options, perRun / 10); // warm up and let tiered JIT settle
        var rates = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rates[r] = Measure.Rate(perRun, () => Loop(scans, options, perRun));
        }

        var median = Measure.MedianOf(rates);
        var allocated = AllocatedPerParse(scans, options);
        IReadOnlyList<Figure> figures =
        [
            new("parse_per_s", median, "scans/s", 500_000, median / 500_000,
                $"{scans.Length} distinct scans, one thread, median of {runs} x {perRun}; {allocated.ToString("0", CultureInfo.InvariantCulture)} B allocated per parse"),
        ];
        return Task.FromResult(figures);
    }

    private static void Loop(string[] scans, Gs1ParseOptions options, int count)
    {
        var valid = 0;
        for (var i = 0; i < count; i++)
        {
            var result = Gs1Parser.Parse(scans[i % scans.Length], options);
            if (result.Success && result.Identifier is not null)
            {
                valid++;
            }
        }

        if (valid != count)
        {
            throw new InvalidOperationException($"only {valid} of {count} benchmark scans parsed");
        }
    }

    private static double AllocatedPerParse(string[] scans, Gs1ParseOptions options)
    {
        const int count = 100_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        Loop(scans, options, count);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
    }

    private static string[] Scans()
    {
        const char gs = '\u001d';
        var random = new Random(42);
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + random.Next(10))));
        string Alnum(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"[random.Next(34)]));
        string Date() => $"{random.Next(25, 32):00}{random.Next(1, 13):00}{random.Next(0, 29):00}";
        var scans = new List<string>();
        for (var i = 0; i < 48; i++)
        {
            var gtin = CheckDigit.Append(Digits(13));
            scans.Add(i % 3 == 0
                ? $"]d201{gtin}17{Date()}10{Alnum(random.Next(4, 11))}{gs}21{Alnum(random.Next(8, 21))}"
                : i % 3 == 1
                    ? $"]d201{gtin}21{Alnum(random.Next(8, 21))}{gs}17{Date()}10{Alnum(random.Next(4, 11))}"
                    : $"]Q301{gtin}{gs}17{Date()}{gs}10{Alnum(6)}{gs}21{Alnum(12)}{gs}710{Digits(7)}");
        }

        for (var i = 0; i < 12; i++)
        {
            scans.Add($"]C100{CheckDigit.Append(Digits(17))}02{CheckDigit.Append(Digits(13))}37{random.Next(1, 500)}{gs}10{Alnum(8)}");
            scans.Add($"]d201{CheckDigit.Append(Digits(13))}17{Date()}10{Alnum(8)}");
        }

        return [.. scans];
    }
}
