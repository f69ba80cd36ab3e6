using System.Text;
using MediatR;
using TraceChain.Protocol.China;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>
/// Reads the pack's newest log entry and turns its CBV disposition into a consumer verdict; the expiry printed on the
/// pack (AI 17) or recorded in the hop decides "expired". No entry at all means the serial was never commissioned or
/// moved through the chain: possible counterfeit.
/// </summary>
public sealed class VerifyForConsumerHandler(ILedgerClient ledger, TimeProvider time) : IRequestHandler<VerifyForConsumerQuery, ConsumerVerdict>
{
    public async Task<ConsumerVerdict> Handle(VerifyForConsumerQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = Read(request);
        if (read.Verdict is not null)
        {
            return read.Verdict;
        }

        var history = await ledger.GetItemHistoryAsync(read.ItemKey!, 1, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (history.Count == 0)
        {
            return read.Answer(ConsumerVerdicts.Unknown, read.Expiry);
        }

        var hop = SignedHop.Parse(Encoding.UTF8.GetBytes(history[0].Entry)).Hop;
        var expiry = read.Expiry ?? ExpiryOf(hop.Expiry, today.Year);
        var verdict = hop.Disposition switch
        {
            Disposition.Recalled => ConsumerVerdicts.Recalled,
            Disposition.Dispensed or Disposition.PartiallyDispensed => ConsumerVerdicts.AlreadyDispensed,
            Disposition.Destroyed or Disposition.Stolen => ConsumerVerdicts.DoNotUse,
            Disposition.Expired => ConsumerVerdicts.Expired,
            _ when expiry < today => ConsumerVerdicts.Expired,
            _ => ConsumerVerdicts.Genuine,
        };
        return read.Answer(verdict, expiry);
    }

    private CodeRead Read(VerifyForConsumerQuery request)
    {
        var text = (request.DigitalLink ?? request.TypedCode ?? "").Trim();
        if (request.TypedCode is not null && !text.Contains('/', StringComparison.Ordinal))
        {
            return ChinaDrugCode.TryParse(text, out var china, out var chinaError)
                ? new CodeRead(PackIdentifier.ForChinaCode(china.Canonical), null, null, null, china.Canonical, null)
                : CodeRead.Invalid(chinaError.Message);
        }

        var options = new Gs1ParseOptions { TimeProvider = time };
        if (!DigitalLinkUri.TryParse(text, options, out var link, out var error))
        {
            return CodeRead.Invalid(error.Message);
        }

        var gtin = link.GetValue("01");
        var serial = link.GetValue("21");
        if (gtin is null || serial is null)
        {
            return CodeRead.Invalid("The link names no serialised pack (it needs AI 01 and AI 21).");
        }

        var expiry = ExpiryOf(link.GetValue("17"), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).Year);
        try
        {
            return new CodeRead(PackIdentifier.ForGtinSerial(gtin, serial), gtin, serial, link.GetValue("10"), null, expiry);
        }
        catch (FormatException e)
        {
            return CodeRead.Invalid(e.Message);
        }
    }

    private static DateOnly? ExpiryOf(string? yymmdd, int year) =>
        yymmdd is { Length: 6 } && Gs1Date.TryParse(yymmdd, year, allowDayZero: true, out var date) ? date : null;

    private sealed record CodeRead(string? ItemKey, string? Gtin, string? Serial, string? Batch, string? ChinaCode, DateOnly? Expiry)
    {
        public ConsumerVerdict? Verdict { get; init; }

        public static CodeRead Invalid(string problem) =>
            new(null, null, null, null, null, null) { Verdict = new ConsumerVerdict(ConsumerVerdicts.InvalidCode, null, null, null, null, null, problem) };

        public ConsumerVerdict Answer(string verdict, DateOnly? expiry) => new(verdict, Gtin, Serial, Batch, expiry, ChinaCode, null);
    }
}
