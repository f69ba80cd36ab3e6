using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using TraceChain.Imaging;

namespace ScannerAgent.Cameras;

/// <summary>
/// The path of a camera frame, shared by MQTT and watched-folder cameras: decode every code in the frame, drop
/// repeats of a recent sighting by the same camera, and store each new code through the same
/// <see cref="HopRecorder"/> as serial scans (ScanInterpreter -> HopBuilder -> signed hop -> outbox). Returns only
/// after every hop of the frame is committed. A storage failure throws, after un-recording the sightings not
/// stored, so a redelivered or retried frame stores them then. Given the frame's identity, each hop is stored with
/// the identity of its code (same transaction), so a frame handled again after a crash between the commit and its
/// acknowledgement (PUBACK, move to processed/) adds no second hop: the repeat window is in memory only.
/// </summary>
public sealed class CameraScanRecorder(ScannerSetup setup, CameraFrameDecoder decoder, RepeatSuppressor repeats, HopRecorder recorder, AgentLog log)
{
    /// <summary>The recorder for a configured camera scanner: its reader limits, repeat window and workflow.</summary>
    public static CameraScanRecorder For(CameraScannerSettings settings, HopRecorder recorder, AgentLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reader = new BarcodeReader(
            ReaderOptions.Default with { MaxSymbols = settings.MaxCodesPerFrame },
            ImagingLimits.Default with { MaxEncodedBytes = settings.MaxFrameBytes, MaxPixels = settings.MaxFramePixels });
        return new CameraScanRecorder(ScannerSetup.From(settings), new CameraFrameDecoder(reader), new RepeatSuppressor(TimeSpan.FromMilliseconds(settings.RepeatWindowMilliseconds), time), recorder, log);
    }

    /// <summary>The workflow and GLNs of the camera's scans.</summary>
    public ScannerSetup Setup => setup;

    /// <summary>Decodes <paramref name="frame"/> from <paramref name="cameraId"/> and stores a hop per new valid code.</summary>
    /// <param name="cameraId">The camera, recorded in the outbox as <c>{Name}/{cameraId}</c>.</param>
    /// <param name="frame">PNG, JPEG or TCG8 gray frame bytes.</param>
    /// <param name="cancellationToken">Stops waiting for the commit.</param>
    public Task<CameraFrameResult> RecordAsync(string cameraId, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        RecordAsync(cameraId, frame, null, false, cancellationToken);

    /// <summary>As the other overload; each hop is stored with the identity of its code in <paramref name="identity"/>.</summary>
    /// <param name="cameraId">The camera, recorded in the outbox as <c>{Name}/{cameraId}</c>.</param>
    /// <param name="frame">PNG, JPEG or TCG8 gray frame bytes.</param>
    /// <param name="identity">The frame's identity (<see cref="MqttDelivery.Frame"/>), or null.</param>
    /// <param name="maybeStored">
    /// True when the frame may have been handled before (an MQTT DUP redelivery, any file): codes already stored under
    /// its identity are counted as <see cref="CameraFrameResult.AlreadyStored"/> instead of becoming hops.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the commit.</param>
    public async Task<CameraFrameResult> RecordAsync(string cameraId, ReadOnlyMemory<byte> frame, MqttDelivery? identity, bool maybeStored, CancellationToken cancellationToken)
    {
        var source = $"{setup.Name}/{cameraId}";
        var (codes, problem) = decoder.Decode(frame.Span);
        if (problem is not null)
        {
            return CameraFrameResult.BadImage(problem);
        }

        var invalid = new List<string>();
        var fresh = new List<(string Scan, Hops.ScanReading Reading)>();
        var suppressed = 0;
        var already = 0;
        foreach (var code in codes)
        {
            var scan = code.TextWithSymbologyIdentifier;
            if (maybeStored && identity is not null && recorder.FindScan(identity.ForCode(scan)) is { } earlier)
            {
                // Stored before the agent stopped, but the frame was never acknowledged: no second hop.
                repeats.IsRepeat(source, scan);
                already++;
                log.Write(source, $"code {earlier.Identifier} of this frame is already hop #{earlier.Counter}; no new hop");
                continue;
            }

            if (repeats.IsRepeat(source, scan))
            {
                suppressed++;
                continue;
            }

            var reading = recorder.Read(scan);
            if (!reading.IsValid)
            {
                invalid.Add($"'{code}': {reading.Problem}" + (reading.Advice is null ? "" : $" Likely cause: {reading.Advice}"));
                log.Write(source, $"invalid code '{code}': {reading.Problem}");
                continue;
            }

            fresh.Add((scan, reading));
        }

        var stored = new List<OutboxEntry>(fresh.Count);
        var recalled = new List<string>();
        for (var i = 0; i < fresh.Count; i++)
        {
            try
            {
                var entry = await recorder.StoreAsync(source, setup, fresh[i].Reading, identity?.ForCode(fresh[i].Scan), cancellationToken);
                stored.Add(entry);
                log.Write(source, $"stored hop #{entry.Counter} {entry.Identifier} ({entry.Workflow})");
                if (recorder.RecallOf(fresh[i].Reading) is { } recall)
                {
                    // Stored like any hop; the operator is warned from the cached recall, even while the gateway is unreachable.
                    var warning = $"RECALLED #{entry.Counter} {entry.Identifier}: batch {recall.Batch} {recall.Status}: {recall.Reason}";
                    recalled.Add(warning);
                    log.Write(source, warning);
                }
            }
            catch (ArgumentException e)
            {
                // The code cannot make a hop (an identifier the hop refuses): retrying would not help.
                invalid.Add($"{fresh[i].Reading.Identifier}: not stored: {e.Message}");
                log.Write(source, $"code {fresh[i].Reading.Identifier} NOT stored: {e.Message}");
            }
            catch (Exception)
            {
                foreach (var (scan, _) in fresh.Skip(i))
                {
                    repeats.Forget(source, scan);
                }

                throw;
            }
        }

        return new CameraFrameResult(stored, suppressed, invalid, null) { Recalled = recalled, AlreadyStored = already };
    }
}
