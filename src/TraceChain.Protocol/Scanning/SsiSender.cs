namespace TraceChain.Protocol.Scanning;

/// <summary>
/// Sender half of SSI's stop-and-wait handshake, without I/O or clocks: <see cref="Start"/> a frame, then report
/// the peer's ACK/NAK or an ACK timeout; the sender answers with the next step. NAK_RESEND and timeouts resend the
/// frame with the retransmit bit set, up to <see cref="MaxRetries"/> times. Not thread-safe.
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
        LastNakCause = null;
        return Pending;
    }

    /// <summary>Handles a CMD_ACK or CMD_NAK from the peer.</summary>
    public SsiSendStep OnReply(SsiFrame reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (Pending is null)
        {
            return SsiSendStep.Ignored;
        }

        switch (reply.Opcode)
        {
            case SsiOpcode.Ack:
                Pending = null;
                return SsiSendStep.Delivered;
            case SsiOpcode.Nak:
                LastNakCause = reply.NakCause;
                if (reply.NakCause is null or SsiNakCause.Resend)
                {
                    return Retry();
                }

                Pending = null;
                return SsiSendStep.Rejected;
            default:
                throw new ArgumentException($"expected CMD_ACK or CMD_NAK, got opcode 0x{(byte)reply.Opcode:X2}", nameof(reply));
        }
    }

    /// <summary>Handles the ACK timer running out.</summary>
    public SsiSendStep OnTimeout() => Pending is null ? SsiSendStep.Ignored : Retry();

    /// <summary>Abandons the pending frame, e.g. when the link went down.</summary>
    public void Abandon() => Pending = null;

    private SsiSendStep Retry()
    {
        if (Retries >= MaxRetries)
        {
            Pending = null;
            return SsiSendStep.GaveUp;
        }

        Retries++;
        Pending = Pending!.AsRetransmit();
        return SsiSendStep.Resend;
    }
}
