namespace TraceChain.Protocol.Scanning;

/// <summary>What an <see cref="SsiSender"/> tells its caller to do after a reply or a timeout.</summary>
public enum SsiSendStep
{
    /// <summary>Nothing was awaiting a reply; the event is stale and ignored.</summary>
    Ignored,

    /// <summary>Write <see cref="SsiSender.Pending"/> again (its retransmit bit is now set) and restart the ACK timer.</summary>
    Resend,

    /// <summary>The peer ACKed the frame.</summary>
    Delivered,

    /// <summary>The peer NAKed with a cause that forbids resending (bad context, denied).</summary>
    Rejected,

    /// <summary>The retry budget is spent without an ACK.</summary>
    GaveUp,
}
