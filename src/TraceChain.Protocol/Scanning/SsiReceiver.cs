namespace TraceChain.Protocol.Scanning;

/// <summary>
/// Receiver half of SSI's stop-and-wait handshake, without I/O: ACK good frames, NAK (resend) bad checksums, and
/// recognise a retransmitted duplicate — a frame with the retransmit bit set that repeats the last delivered
/// message while no NAK was sent since (so the peer resent only because our ACK was late or lost). Not thread-safe.
/// </summary>
public sealed class SsiReceiver
{
    private readonly SsiSource _self;
    private SsiFrame? _lastDelivered;
    private bool _nakSinceLastDelivered;

    /// <summary>Creates a receiver that answers as <paramref name="self"/>.</summary>
    public SsiReceiver(SsiSource self) => _self = self;

    /// <summary>Handles a good frame other than CMD_ACK/CMD_NAK (those go to the <see cref="SsiSender"/>).</summary>
    public SsiReceiveResult Accept(SsiFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Opcode is SsiOpcode.Ack or SsiOpcode.Nak)
        {
            throw new ArgumentException("CMD_ACK and CMD_NAK answer a sender; they are not acknowledged", nameof(frame));
        }

        var duplicate = frame.IsRetransmit && !_nakSinceLastDelivered && _lastDelivered is not null && _lastDelivered.SameMessageAs(frame);
        if (!duplicate)
        {
            _lastDelivered = frame;
        }

        _nakSinceLastDelivered = false;
        return new SsiReceiveResult(SsiFrame.Ack(_self), duplicate);
    }

    /// <summary>Handles a frame that failed its checksum: returns the NAK (resend) to write.</summary>
    public SsiFrame OnBadChecksum()
    {
        _nakSinceLastDelivered = true;
        return SsiFrame.Nak(_self, SsiNakCause.Resend);
    }

    /// <summary>Forgets history, e.g. after the link was reconnected.</summary>
    public void Reset()
    {
        _lastDelivered = null;
        _nakSinceLastDelivered = false;
    }
}
