using System.Threading.Channels;
using ScannerAgent.Agent;
using ScannerAgent.Outbox;

namespace ScannerAgent.Uplink;

/// <summary>
/// Moves the outbox to the gateway: oldest first, in batches, one request at a time (the ledger needs each
/// device's counters in order). An entry is settled only by a receipt: accepted, duplicate (the same bytes were
/// accepted before: an upload whose answer was lost) or a definitive refusal. While the gateway is unreachable
/// or errs, entries stay and the upload is retried with exponential backoff on the <see cref="TimeProvider"/>.
/// </summary>
public sealed class UplinkService
{
    /// <summary>Refusals that a later upload can turn into acceptance: the device may be registered meanwhile.</summary>
    private static readonly HashSet<string> TransientRefusals = new(StringComparer.Ordinal) { "unknown_device" };

    private readonly OutboxStore _outbox;
    private readonly GatewayClient _client;
    private readonly AgentLog _log;
    private readonly TimeProvider _time;
    private readonly UplinkOptions _options;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Creates the uplink; it wakes whenever the outbox commits a hop.</summary>
    public UplinkService(OutboxStore outbox, GatewayClient client, AgentLog log, TimeProvider time, UplinkOptions options)
    {
        _outbox = outbox;
        _client = client;
        _log = log;
        _time = time;
        _options = options;
        outbox.Appended += (_, _) => _wake.Writer.TryWrite(true);
    }

    /// <summary>Raised for each settled entry with its receipt (on the uplink task).</summary>
    public event Action<OutboxEntry, UplinkReceipt>? Settled;

    /// <summary>Uploads until cancelled; returns normally then, leaving unsettled entries for the next start.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await UploadLoopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // An upload in flight was abandoned; its hops stay pending and a re-upload gets the same receipts.
        }
    }

    private async Task UploadLoopAsync(CancellationToken cancellationToken)
    {
        var delay = _options.RetryMin;
        var down = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = _outbox.Pending(_options.BatchSize);
            if (batch.Count == 0)
            {
                await WaitAsync(_options.IdlePoll, wakeable: true, cancellationToken);
                continue;
            }

            bool retry;
            try
            {
                var receipts = await _client.SendAsync(batch, cancellationToken);
                if (down)
                {
                    _log.Write("uplink", $"gateway is back; uploading {batch.Count} waiting hop(s)");
                    down = false;
                }

                retry = Apply(batch, receipts);
            }
            catch (GatewayException e)
            {
                _log.Write("uplink", $"{e.Message}; {batch.Count} hop(s) kept in the outbox, retry in {delay.TotalMilliseconds:0} ms");
                down = true;
                retry = true;
            }

            if (retry)
            {
                await WaitAsync(delay, wakeable: false, cancellationToken);
                delay = delay * 2 > _options.RetryMax ? _options.RetryMax : delay * 2;
            }
            else
            {
                delay = _options.RetryMin;
            }
        }
    }

    private bool Apply(IReadOnlyList<OutboxEntry> batch, IReadOnlyList<UplinkReceipt> receipts)
    {
        var settled = new List<OutboxSettlement>(batch.Count);
        var keep = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var r = receipts[i];
            if (!r.IsAccepted && r.Reason is { } reason && TransientRefusals.Contains(reason))
            {
                keep++;
                continue;
            }

            settled.Add(new OutboxSettlement(batch[i].Counter, r.Status, r.Seq, r.Reason, r.Message));
        }

        _outbox.Settle(settled, _time.GetUtcNow());
        for (var i = 0; i < batch.Count; i++)
        {
            var r = receipts[i];
            if (!r.IsAccepted)
            {
                _log.Write("uplink", $"hop #{batch[i].Counter} ({batch[i].Identifier}) refused: {r.Reason} {r.Message}");
            }

            if (r.IsAccepted || r.Reason is null || !TransientRefusals.Contains(r.Reason))
            {
                Settled?.Invoke(batch[i], r);
            }
        }

        if (keep > 0)
        {
            _log.Write("uplink", $"{keep} hop(s) kept: the device is not registered yet (ScannerAgent register)");
        }

        return keep > 0;
    }

    private async Task WaitAsync(TimeSpan delay, bool wakeable, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(delay, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (wakeable)
            {
                await _wake.Reader.WaitToReadAsync(linked.Token);
                _wake.Reader.TryRead(out _);
            }
            else
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out (look at the outbox again) or shutting down (the loop ends).
        }
    }
}
