using System.Security.Cryptography;

namespace ScannerAgent.Outbox;

/// <summary>
/// Identity of one QoS 1 delivery from the broker to an agent session, stored with the hop it became (same
/// transaction). A redelivery after a lost PUBACK carries the same topic, payload and packet id, with DUP set.
/// </summary>
/// <param name="Session">The agent's MQTT client id: packet ids are per session.</param>
/// <param name="Topic">The scan topic (names the scanner).</param>
/// <param name="PacketId">The broker's packet id for this delivery.</param>
/// <param name="PayloadHash">SHA-256 of the payload.</param>
public sealed record MqttDelivery(string Session, string Topic, ushort PacketId, byte[] PayloadHash)
{
    /// <summary>The delivery identity of a received message.</summary>
    public static MqttDelivery Of(string session, string topic, ushort packetId, ReadOnlySpan<byte> payload) =>
        new(session, topic, packetId, SHA256.HashData(payload));

    /// <summary>True when <paramref name="topic"/> and <paramref name="payloadHash"/> are this delivery's.</summary>
    public bool SameContent(string topic, byte[] payloadHash) =>
        string.Equals(Topic, topic, StringComparison.Ordinal) && CryptographicOperations.FixedTimeEquals(PayloadHash, payloadHash);
}
