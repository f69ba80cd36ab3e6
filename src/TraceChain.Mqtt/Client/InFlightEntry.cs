using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Client;

/// <summary>A request awaiting its acknowledgement (PUBACK, SUBACK or UNSUBACK) under one packet id.</summary>
internal sealed class InFlightEntry(ushort id, long sequence, MqttPacket packet, MqttPacketType expectedResponse)
{
    private MqttConnection? sentOn;

    public ushort Id { get; } = id;

    public long Sequence { get; } = sequence;

    public MqttPacket Packet { get; } = packet;

    public MqttPacketType ExpectedResponse { get; } = expectedResponse;

    public TaskCompletionSource<MqttPacket> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsPublish => ExpectedResponse == MqttPacketType.PubAck;

    /// <summary>True once the packet went out on any connection: a resend then carries DUP.</summary>
    public bool EverSent { get; private set; }

    /// <summary>Claims the right to send on <paramref name="connection"/>; false if it was already sent there.</summary>
    public bool TryClaim(MqttConnection connection) => Interlocked.Exchange(ref sentOn, connection) != connection;

    /// <summary>The packet to write now: a PUBLISH sent before is marked as a duplicate.</summary>
    public MqttPacket PacketToSend()
    {
        var packet = EverSent && Packet is PublishPacket publish ? publish with { Duplicate = true } : Packet;
        EverSent = true;
        return packet;
    }
}
