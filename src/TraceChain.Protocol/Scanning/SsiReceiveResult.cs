namespace TraceChain.Protocol.Scanning;

/// <summary>The receiver's answer to a good frame.</summary>
/// <param name="Reply">The frame to write back (CMD_ACK).</param>
/// <param name="IsDuplicate">True when the frame is a retransmission of one already delivered: ACK it, do not use it again.</param>
public sealed record SsiReceiveResult(SsiFrame Reply, bool IsDuplicate);
