using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;
using TraceLedger.Storage;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// Log entries shaped and sized exactly like real hop entries (one device-signed receiving hop naming one pack),
/// made from one template by overwriting its fixed-width fields: device, counter and pack identifier. The key id
/// is a real one and the signature a fixed placeholder of the right length (signing 10 million hops is what the
/// synthesis avoids, and a fixed one keeps the bytes, hence the roots, reproducible), so a file of these is a
/// read-path fixture (proofs, verdicts) and <c>verify-log</c> rightly rejects it. The content hash is SHA-256 of
/// the entry bytes: unique per entry, like the real idempotency key.
/// </summary>
public sealed class SyntheticHops
{
    /// <summary>Devices the entries are spread over (<c>scale-0</c> .. <c>scale-7</c>).</summary>
    public const int Devices = 8;

    private const long CounterBase = 1_000_000_000;
    private static readonly DateTimeOffset EventTime = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly SyntheticPacks packs;
    private readonly byte[] template;
    private readonly int devicePosition;
    private readonly int counterPosition;
    private readonly int identifierPosition;

    /// <summary>Entries naming the packs of <paramref name="packs"/> in turn.</summary>
    public SyntheticHops(SyntheticPacks packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        this.packs = packs;
        var placeholder = packs.Identifier(0);
        using var key = DeviceKeys.FromPrivateScalar(SHA256.HashData("tracechain scale device"u8));
        var hop = new Hop("scale-0", CounterBase, EventTime, "+08:00", BizStep.Receiving, Disposition.InProgress, SyntheticPacks.Manufacturer, [placeholder]);
        var signature = DeviceSignature.Encode(SHA512.HashData("tracechain scale placeholder signature"u8));
        template = new SignedHop(hop, DeviceKeys.KeyId(key), signature).ToEntryBytes();
        devicePosition = Find("\"deviceId\":\"scale-") + "\"deviceId\":\"scale-".Length;
        counterPosition = Find("\"counter\":" + CounterBase.ToString(CultureInfo.InvariantCulture)) + "\"counter\":".Length;
        identifierPosition = Find(placeholder);
    }

    /// <summary>Entry <paramref name="seq"/> (its seq and leaf hash are left to the log synthesizer).</summary>
    public EntryRow At(long seq)
    {
        var bytes = (byte[])template.Clone();
        var device = (int)(seq % Devices);
        var counter = CounterBase + (seq / Devices);
        bytes[devicePosition] = (byte)('0' + device);
        Encoding.ASCII.GetBytes(counter.ToString(CultureInfo.InvariantCulture), bytes.AsSpan(counterPosition));
        Encoding.ASCII.GetBytes(packs.Identifier(seq % packs.Count), bytes.AsSpan(identifierPosition));
        return new EntryRow
        {
            Kind = EntryKind.Hop,
            EntryBytes = bytes,
            ContentHash = SHA256.HashData(bytes),
            DeviceId = "scale-" + device.ToString(CultureInfo.InvariantCulture),
            Counter = counter,
            ReceivedAtMs = EventTime.ToUnixTimeMilliseconds() + seq,
        };
    }

    private int Find(string text)
    {
        var at = template.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text));
        return at >= 0 ? at : throw new InvalidOperationException($"The hop entry template has no '{text}'.");
    }
}
