using TraceChain.Protocol.Scanning;

namespace TraceChain.Protocol.Tests.Scanning;

public sealed class SsiHandshakeTests
{
    private static readonly SsiFrame Scan = SsiFrame.DecodeData(0x03, "ABC"u8);

    [Fact]
    public void Sender_Ack_Delivers()
    {
        var sender = new SsiSender();
        sender.Start(Scan);

        Assert.Equal(SsiSendStep.Delivered, sender.OnReply(SsiFrame.Ack(SsiSource.Host)));
        Assert.Null(sender.Pending);
    }

    [Fact]
    public void Sender_NakResend_ResendsWithRetransmitBit()
    {
        var sender = new SsiSender();
        Assert.False(sender.Start(Scan).IsRetransmit);

        Assert.Equal(SsiSendStep.Resend, sender.OnReply(SsiFrame.Nak(SsiSource.Host, SsiNakCause.Resend)));
        Assert.True(sender.Pending!.IsRetransmit);
        Assert.True(sender.Pending.SameMessageAs(Scan));
        Assert.Equal(1, sender.Retries);
    }

    [Fact]
    public void Sender_TimeoutsBeyondBudget_GivesUp()
    {
        var sender = new SsiSender(maxRetries: 2);
        sender.Start(Scan);

        Assert.Equal(SsiSendStep.Resend, sender.OnTimeout());
        Assert.Equal(SsiSendStep.Resend, sender.OnTimeout());
        Assert.Equal(SsiSendStep.GaveUp, sender.OnTimeout());
        Assert.Null(sender.Pending);
    }

    [Theory]
    [InlineData(SsiNakCause.Denied)]
    [InlineData(SsiNakCause.BadContext)]
    public void Sender_NakThatForbidsResend_Rejects(SsiNakCause cause)
    {
        var sender = new SsiSender();
        sender.Start(Scan);

        Assert.Equal(SsiSendStep.Rejected, sender.OnReply(SsiFrame.Nak(SsiSource.Host, cause)));
        Assert.Equal(cause, sender.LastNakCause);
    }

    [Fact]
    public void Sender_SecondFrameWhileAwaitingAck_Throws()
    {
        var sender = new SsiSender();
        sender.Start(Scan);

        Assert.Throws<InvalidOperationException>(() => sender.Start(Scan));
    }

    [Fact]
    public void Sender_StaleAck_IsIgnored()
    {
        Assert.Equal(SsiSendStep.Ignored, new SsiSender().OnReply(SsiFrame.Ack(SsiSource.Host)));
    }

    [Fact]
    public void Sender_LateAckForARetransmission_IsNotTakenForTheNextFrame()
    {
        var sender = new SsiSender();
        sender.Start(Scan);
        Assert.Equal(SsiSendStep.Resend, sender.OnTimeout());
        Assert.Equal(SsiSendStep.Delivered, sender.OnReply(SsiFrame.Ack(SsiSource.Host)));
        Assert.Equal(1, sender.StaleReplies);

        sender.Start(SsiFrame.DecodeData(0x03, "XYZ"u8));

        Assert.Equal(SsiSendStep.Ignored, sender.OnReply(SsiFrame.Ack(SsiSource.Host)));
        Assert.Equal(SsiSendStep.Resend, sender.OnReply(SsiFrame.Nak(SsiSource.Host, SsiNakCause.Resend)));
        Assert.Equal(SsiSendStep.Delivered, sender.OnReply(SsiFrame.Ack(SsiSource.Host)));
    }

    [Fact]
    public void Sender_NakedThenAcked_ExpectsNoLateReplies()
    {
        var sender = new SsiSender();
        sender.Start(Scan);
        sender.OnReply(SsiFrame.Nak(SsiSource.Host, SsiNakCause.Resend));

        sender.OnReply(SsiFrame.Ack(SsiSource.Host));

        Assert.Equal(0, sender.StaleReplies);
    }

    [Fact]
    public void Receiver_GoodFrame_IsAckedAndDelivered()
    {
        var result = new SsiReceiver(SsiSource.Host).Accept(Scan);

        Assert.Equal(SsiFrame.Ack(SsiSource.Host), result.Reply);
        Assert.False(result.IsDuplicate);
    }

    [Fact]
    public void Receiver_RetransmitOfDeliveredFrame_IsAckedAsDuplicate()
    {
        var receiver = new SsiReceiver(SsiSource.Host);
        receiver.Accept(Scan);

        var again = receiver.Accept(Scan.AsRetransmit());

        Assert.True(again.IsDuplicate);
        Assert.Equal(SsiOpcode.Ack, again.Reply.Opcode);
    }

    [Fact]
    public void Receiver_RetransmitAfterNak_IsNewEvenIfEqualToLastScan()
    {
        // The same code scanned twice in a row, the second copy damaged: its resend is a new scan.
        var receiver = new SsiReceiver(SsiSource.Host);
        receiver.Accept(Scan);

        Assert.Equal(SsiFrame.Nak(SsiSource.Host, SsiNakCause.Resend), receiver.OnBadChecksum());
        Assert.False(receiver.Accept(Scan.AsRetransmit()).IsDuplicate);
    }

    [Fact]
    public void Receiver_SameScanTwiceWithoutRetransmitBit_IsNotDuplicate()
    {
        var receiver = new SsiReceiver(SsiSource.Host);
        receiver.Accept(Scan);

        Assert.False(receiver.Accept(Scan).IsDuplicate);
    }
}
