namespace TraceChain.Protocol.Scanning;

/// <summary>
/// Sender half of SSI's stop-and-wait handshake, without I/O or clocks: <see cref="Start"/> a frame, then report
/// the peer's ACK/NAK or an ACK timeout; the sender answers with the next step. NAK_RESEND and timeouts resend the
/// frame with the retransmit bit set, up to <see cref="MaxRetries"/> times. SSI has no sequence numbers, so every
/// transmission can earn one reply: after a frame was sent k times and acknowledged, up to k-1 late replies may
/// still be on the way; they are counted and ignored so a late ACK is never taken for the next frame's. Not thread-safe.
/// </summary>
public sealed class SsiSender
{
    /// <summary>Creates a sender that resends at most <paramref name="maxRetries"/> times.</summary>
    public SsiSender(int maxRetries = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        MaxRetries = maxRetries;
    }

    /// <summary>Resends allowed per frame.</summary>
    public int MaxRetries { get; }

    /// <summary>The frame awaiting an ACK (as last written), or null when idle.</summary>
    public SsiFrame? Pending { get; private set; }

    /// <summary>Resends so far for the pending frame.</summary>
    public int Retries { get; private set; }

    /// <summary>Replies still expected for earlier transmissions; they will be ignored.</summary>
    public int StaleReplies { get; private set; }

    private int _repliesForPending;

    /// <summary>The cause of the last NAK received, if any.</summary>
    public SsiNakCause? LastNakCause { get; private set; }

    /// <summary>Begins sending a frame; returns the frame to write (retransmit bit cleared).</summary>
    /// <exception cref="InvalidOperationException">Another frame still awaits its ACK.</exception>
    public SsiFrame Start(SsiFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (Pending is not null)
        {
            throw new InvalidOperationException($"SSI frame {Pending.Opcode} still awaits an ACK; stop-and-wait allows one frame in flight");
        }

        Pending = frame.IsRetransmit ? new SsiFrame(frame.Opcode, frame.Source, frame.Status & ~SsiStatus.Retransmit, frame.Data) : frame;
        Retries = 0;
        _repliesForPending = 0;
        LastNakCause = null;
        return Pending;
    }

    /// <summary>Handles a CMD_ACK or CMD_NAK from the peer.</summary>
    public SsiSendStep OnReply(SsiFrame reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Opcode is not (SsiOpcode.Ack or SsiOpcode.Nak))
        {
            throw new ArgumentException($"expected CMD_ACK or CMD_NAK, got opcode 0x{(byte)reply.Opcode:X2}", nameof(reply));
        }

        if (StaleReplies > 0)
        {
            StaleReplies--;
            return SsiSendStep.Ignored;
        }

        if (Pending is null)
        {
            return SsiSendStep.Ignored;
        }

        _repliesForPending++;
        if (reply.Opcode == SsiOpcode.Ack)
        {
            Finish();
            return SsiSendStep.Delivered;
        }

        LastNakCause = reply.NakCause;
        if (reply.NakCause is null or SsiNakCause.Resend)
        {
            return Retry();
        }

        Finish();
        return SsiSendStep.Rejected;
    }

    /// <summary>Handles the ACK timer running out.</summary>
    public SsiSendStep OnTimeout() => Pending is null ? SsiSendStep.Ignored : Retry();

    /// <summary>Abandons the pending frame and forgets late replies, e.g. when the link went down.</summary>
    public void Abandon()
    {
        Pending = null;
        StaleReplies = 0;
    }

    private SsiSendStep Retry()
    {
        if (Retries >= MaxRetries)
        {
            Finish();
            return SsiSendStep.GaveUp;
        }

        Retries++;
        Pending = Pending!.AsRetransmit();
        return SsiSendStep.Resend;
    }

    private void Finish()
    {
        // Each transmission may still earn a reply; capped so a silent peer cannot make us deaf for long.
        StaleReplies = Math.Min(StaleReplies + (1 + Retries - _repliesForPending), MaxRetries + 1);
        Pending = null;
    }
}
