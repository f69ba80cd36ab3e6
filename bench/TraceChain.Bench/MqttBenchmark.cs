using System.Diagnostics;
using System.Globalization;
using System.Text;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;

namespace TraceChain.Bench;

/// <summary>
/// QoS 1 publish rate of our MQTT client against mosquitto_pub -l, same broker, same messages, same in-flight
/// window, same run. Each side's time covers connect, all PUBACKs and disconnect.
/// </summary>
public sealed class MqttBenchmark : IBenchmark
{
    private const int Window = 100;
    private const string Topic = "tracechain/bench/scanners/sc-1/scan";

    public string Name => "Mqtt";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(50_000, 10_000);
        // Five runs a side: with three, a burst of noise from this shared machine in one run moved the median by 10 %.
        var runs = 5;
        var lines = Enumerable.Range(0, count)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"]d2010950110102091721{i:D12}\u001d10BATCH{i % 97:D3}"))
            .ToArray();
        var payloads = lines.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l)).ToArray();
        var stdin = string.Join('\n', lines) + "\n";

        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(context.ScratchDirectory, "mosquitto") }, cancellationToken);

        await OursAsync(broker.Port, payloads[..Math.Min(2000, count)], cancellationToken); // warm-up (JIT)
        var ours = new List<double>();
        var reference = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // Alternate the order so neither side always meets a warmer broker.
            if (run % 2 == 0)
            {
                ours.Add(await OursAsync(broker.Port, payloads, cancellationToken));
                reference.Add(await MosquittoPubAsync(broker.Port, stdin, count, cancellationToken));
            }
            else
            {
                reference.Add(await MosquittoPubAsync(broker.Port, stdin, count, cancellationToken));
                ours.Add(await OursAsync(broker.Port, payloads, cancellationToken));
            }
        }

        var oursRate = Measure.MedianOf(ours);
        var referenceRate = Measure.MedianOf(reference);
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"{count} QoS 1 messages x {runs} runs a side (median; ours {ours.Min():N0}-{ours.Max():N0}, mosquitto_pub {reference.Min():N0}-{reference.Max():N0} msg/s), window {Window}, local mosquitto");
        return
        [
            new Figure("mqtt_publish_ratio", oursRate / referenceRate, "x", referenceRate, oursRate / referenceRate, note),
            new Figure("mqtt_qos1_publish_per_s", oursRate, "msg/s", Note: "TraceChain.Mqtt client"),
            new Figure("mqtt_pub_reference_per_s", referenceRate, "msg/s", Note: $"mosquitto_pub -q 1 -l -M {Window}"),
        ];
    }

    private static async Task<double> OursAsync(int port, ReadOnlyMemory<byte>[] payloads, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using (var client = new MqttClient(new MqttClientOptions { Port = port, MaxInFlight = Window }))
        {
            await client.ConnectAsync(cancellationToken);
            var pending = new Queue<Task>(2 * Window);
            foreach (var payload in payloads)
            {
                pending.Enqueue(client.PublishAsync(Topic, payload, MqttQualityOfService.AtLeastOnce, cancellationToken: cancellationToken));
                if (pending.Count >= 2 * Window)
                {
                    await pending.Dequeue();
                }
            }

            await Task.WhenAll(pending);
            await client.DisconnectAsync(cancellationToken);
        }

        return payloads.Length / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> MosquittoPubAsync(int port, string stdin, int count, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("mosquitto_pub")
        {
            ArgumentList = { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-M", Window.ToString(CultureInfo.InvariantCulture), "-t", Topic, "-l" },
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start mosquitto_pub");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub failed ({process.ExitCode}): {await errors}");
        }

        return count / elapsed;
    }
}
