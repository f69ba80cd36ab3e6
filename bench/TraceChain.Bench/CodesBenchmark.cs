using System.Security.Cryptography;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Scratch;

namespace TraceChain.Bench;

/// <summary>
/// Pack codes other than element strings: Digital Link parse and create (a consumer scan of the pack's QR goes
/// through the parse), and scratch-code generation from the system CSPRNG (part of commissioning a batch).
/// </summary>
public sealed class CodesBenchmark : IBenchmark
{
    private const string Uri = "https://id.tracechain.example/01/09506000134352/10/ABC123/21/X7Q9K2M4?17=261231";

    private static readonly DigitalLinkElement[] Elements =
    [
        new("01", "09506000134352"), new("17", "261231"), new("10", "ABC123"), new("21", "X7Q9K2M4"),
    ];

    public string Name => "codes";

    public Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Gs1ParseOptions.Default;
        var count = context.Size(200_000, 20_000);
        var runs = context.Size(5, 3);

        // Warm up once so that tiering does not count against the first run.
        DigitalLinkUri.Parse(Uri, options);
        var parse = Measure.Median(runs, () => Measure.Rate(count, () =>
        {
            for (var i = 0; i < count; i++)
            {
                DigitalLinkUri.TryParse(Uri, options, out _, out _);
            }
        }));
        cancellationToken.ThrowIfCancellationRequested();

        var create = Measure.Median(runs, () => Measure.Rate(count, () =>
        {
            for (var i = 0; i < count; i++)
            {
                DigitalLinkUri.TryCreate("https://id.tracechain.example", Elements, options, out _, out _);
            }
        }));
        cancellationToken.ThrowIfCancellationRequested();

        using var random = RandomNumberGenerator.Create();
        var scratch = Measure.Median(runs, () => Measure.Rate(count, () =>
        {
            for (var i = 0; i < count; i++)
            {
                ScratchCode.Generate(random);
            }
        }));

        IReadOnlyList<Figure> figures =
        [
            new("digital_link_parse_per_s", parse, "URIs/s", Note: "GTIN + batch + serial + expiry, fully validated"),
            new("digital_link_create_per_s", create, "URIs/s", Note: "same four AIs to a canonical URI"),
            new("scratch_codes_per_s", scratch, "codes/s", Note: "16-digit Damm-checked codes from the system CSPRNG"),
        ];
        return Task.FromResult(figures);
    }
}
