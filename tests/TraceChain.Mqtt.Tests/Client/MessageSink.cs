using System.Text;
using System.Threading.Channels;

namespace TraceChain.Mqtt.Tests.Client;

/// <summary>Collects received messages for assertions; waits with a timeout instead of sleeping.</summary>
public sealed class MessageSink
{
    private readonly Channel<MqttMessage> messages = Channel.CreateUnbounded<MqttMessage>();

    public Task HandleAsync(MqttMessage message, CancellationToken cancellationToken) =>
        messages.Writer.WriteAsync(message, cancellationToken).AsTask();

    public async Task<MqttMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        return await messages.Reader.ReadAsync(cts.Token);
    }

    public async Task<List<MqttMessage>> TakeAsync(int count, TimeSpan? timeout = null)
    {
        var list = new List<MqttMessage>();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (list.Count < count)
        {
            list.Add(await messages.Reader.ReadAsync(cts.Token));
        }

        return list;
    }

    public bool TryTake(out MqttMessage? message) => messages.Reader.TryRead(out message);

    public static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);
}
