using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Client;

/// <summary>
/// Requests awaiting acknowledgement, by packet id. QoS 1 publishes are limited to a window of
/// <c>maxInFlight</c>, which bounds memory to the window times the largest packet.
/// </summary>
internal sealed class InFlightTable(int maxInFlight) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<ushort, InFlightEntry> entries = [];
    private readonly SemaphoreSlim window = new(maxInFlight, maxInFlight);
    private ushort lastId;
    private long sequence;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Waits for a window slot, then registers the publish built with its packet id.</summary>
    public async Task<InFlightEntry> AddPublishAsync(Func<ushort, PublishPacket> build, CancellationToken cancellationToken)
    {
        await window.WaitAsync(cancellationToken);
        try
        {
            return Add(id => build(id), MqttPacketType.PubAck);
        }
        catch
        {
            window.Release();
            throw;
        }
    }

    /// <summary>Registers a SUBSCRIBE or UNSUBSCRIBE (not windowed).</summary>
    public InFlightEntry Add(Func<ushort, MqttPacket> build, MqttPacketType expectedResponse)
    {
        lock (gate)
        {
            var id = NextFreeId();
            var entry = new InFlightEntry(id, ++sequence, build(id), expectedResponse);
            entries.Add(id, entry);
            return entry;
        }
    }

    /// <summary>Completes the entry acknowledged by <paramref name="response"/>; false for an unknown id or a mismatched type.</summary>
    public bool TryComplete(ushort id, MqttPacket response)
    {
        InFlightEntry? entry;
        lock (gate)
        {
            if (!entries.TryGetValue(id, out entry) || entry.ExpectedResponse != response.Type)
            {
                return false;
            }

            entries.Remove(id);
        }

        Released(entry);
        entry.Completion.TrySetResult(response);
        return true;
    }

    /// <summary>The entry registered under <paramref name="id"/>, or null.</summary>
    public InFlightEntry? Find(ushort id)
    {
        lock (gate)
        {
            return entries.GetValueOrDefault(id);
        }
    }

    /// <summary>Drops an entry whose caller gave up; true when it was still registered.</summary>
    public bool Remove(InFlightEntry entry)
    {
        lock (gate)
        {
            if (!entries.Remove(entry.Id))
            {
                return false;
            }
        }

        Released(entry);
        return true;
    }

    /// <summary>Publishes in the order they were first made, for resending after a reconnect.</summary>
    public IReadOnlyList<InFlightEntry> Publishes()
    {
        lock (gate)
        {
            return entries.Values.Where(e => e.IsPublish).OrderBy(e => e.Sequence).ToList();
        }
    }

    /// <summary>Fails the entries matching <paramref name="which"/> (all when null) with <paramref name="error"/>.</summary>
    public void Fail(Exception error, Func<InFlightEntry, bool>? which = null)
    {
        List<InFlightEntry> failed;
        lock (gate)
        {
            failed = entries.Values.Where(e => which is null || which(e)).ToList();
            foreach (var entry in failed)
            {
                entries.Remove(entry.Id);
            }
        }

        foreach (var entry in failed)
        {
            Released(entry);
            entry.Completion.TrySetException(error);
        }
    }

    public void Dispose() => window.Dispose();

    private void Released(InFlightEntry entry)
    {
        if (entry.IsPublish)
        {
            window.Release();
        }
    }

    private ushort NextFreeId()
    {
        for (var tries = 0; tries < ushort.MaxValue; tries++)
        {
            lastId = lastId == ushort.MaxValue ? (ushort)1 : (ushort)(lastId + 1);
            if (!entries.ContainsKey(lastId))
            {
                return lastId;
            }
        }

        throw new InvalidOperationException("All 65535 packet ids are in use");
    }
}
