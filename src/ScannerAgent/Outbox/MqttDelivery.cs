using System.Security.Cryptography;
using System.Text;
using ScannerAgent.Hops;

namespace ScannerAgent.Outbox;

/// <summary>
/// Identity of one delivery from the broker to an agent session, stored with the hop it became (same transaction).
/// A broker redelivery after a lost PUBACK carries the same topic, payload and packet id, with DUP set. A payload
/// that names its scan (<see cref="MqttScanPayload.IdentifiesScan"/>) is also remembered by topic and content, which
/// catches a scanner's own resend (the broker forwards it as a new message with a new packet id). Camera frames
/// (over MQTT or as files) are remembered the same way, one identity per code of the frame (<see cref="ForCode"/>).
/// </summary>
/// <param name="Session">The agent's MQTT client id: packet ids are per session.</param>
/// <param name="Topic">The scan topic (names the scanner); for a camera frame, its source (topic, or file name and size).</param>
/// <param name="PacketId">The broker's packet id for a QoS 1 delivery; 0 for QoS 0 (never redelivered).</param>
/// <param name="PayloadHash">SHA-256 of the payload.</param>
/// <param name="IdentifiesScan">True when the payload names one scan (JSON with <c>ts</c> or <c>seq</c>).</param>
public sealed record MqttDelivery(string Session, string Topic, ushort PacketId, byte[] PayloadHash, bool IdentifiesScan = false)
{
    /// <summary>The delivery identity of a received message.</summary>
    public static MqttDelivery Of(string session, string topic, ushort packetId, ReadOnlySpan<byte> payload) =>
        new(session, topic, packetId, SHA256.HashData(payload), MqttScanPayload.IdentifiesScan(payload));

    /// <summary>
    /// The identity of a camera frame: the worker that receives it (<paramref name="session"/>), where it came from
    /// (<paramref name="source"/>: an MQTT topic, or a file's name and size) and its content. Not stored itself; its
    /// codes are (<see cref="ForCode"/>).
    /// </summary>
    public static MqttDelivery Frame(string session, string source, ReadOnlySpan<byte> content) =>
        new(session, source, 0, SHA256.HashData(content));

    /// <summary>
    /// The identity of one code of this frame. A frame can hold several codes and each becomes its own hop, so the
    /// session, the frame's hash and the code are folded into one hash, remembered like a self-identifying scan.
    /// </summary>
    public MqttDelivery ForCode(string code) =>
        this with
        {
            PacketId = 0,
            PayloadHash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Session}\n{Convert.ToHexString(PayloadHash)}\n{code}")),
            IdentifiesScan = true,
        };

    /// <summary>True when <paramref name="topic"/> and <paramref name="payloadHash"/> are this delivery's.</summary>
    public bool SameContent(string topic, byte[] payloadHash) =>
        string.Equals(Topic, topic, StringComparison.Ordinal) && CryptographicOperations.FixedTimeEquals(PayloadHash, payloadHash);
}
