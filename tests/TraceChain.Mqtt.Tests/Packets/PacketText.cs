using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

/// <summary>A packet as comparable text (records compare ReadOnlyMemory payloads by reference, not content).</summary>
public static class PacketText
{
    public static string Of(MqttPacket packet) => packet switch
    {
        ConnectPacket c => $"CONNECT id={c.ClientId} clean={c.CleanSession} ka={c.KeepAliveSeconds} will={(c.Will is { } w ? $"{w.Topic}:{Convert.ToHexString(w.Payload.Span)}:{w.QualityOfService}:{w.Retain}" : "-")} user={c.Username ?? "-"} pass={(c.Password is { } p ? Convert.ToHexString(p) : "-")}",
        PublishPacket p => $"PUBLISH {p.Topic} {Convert.ToHexString(p.Payload.Span)} {p.QualityOfService} retain={p.Retain} dup={p.Duplicate} id={p.PacketId}",
        SubscribePacket s => $"SUBSCRIBE {s.PacketId} {string.Join(",", s.Filters.Select(f => $"{f.Filter}:{f.QualityOfService}"))}",
        SubAckPacket s => $"SUBACK {s.PacketId} {Convert.ToHexString(s.ReturnCodes.ToArray())}",
        UnsubscribePacket u => $"UNSUBSCRIBE {u.PacketId} {string.Join(",", u.Filters)}",
        _ => packet.ToString(),
    };
}
