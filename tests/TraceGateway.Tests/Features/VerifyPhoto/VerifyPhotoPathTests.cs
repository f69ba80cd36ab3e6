using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TraceGateway.Features.VerifyForConsumer;
using TraceGateway.Features.VerifyPhoto;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Features.VerifyPhoto;

/// <summary>The photo check asks for its verdict through the consumer check's use case, not a second copy of it.</summary>
public sealed class VerifyPhotoPathTests
{
    [Fact]
    public async Task PhotoCheck_AsksThroughVerifyForConsumer_WithThePickedCode()
    {
        var sent = new ConcurrentQueue<object>();
        await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded, services: s =>
        {
            s.AddSingleton(sent);
            s.AddScoped(typeof(IPipelineBehavior<,>), typeof(Recording<,>));
        });
        await ConsumerScenario.SeedAsync(host);

        using var client = host.Anonymous();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(PackPhotos.DataMatrix(ConsumerScenario.Gtin, "301231", "B1", "GENUINE1"));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "photo", "pack.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/verify/photo", UriKind.Relative)) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("genuine", json.RootElement.GetProperty("verdict").GetProperty("code").GetString());
        Assert.Equal(
            [typeof(VerifyPhotoQuery), typeof(VerifyForConsumerQuery)],
            sent.Select(r => r.GetType()).Where(t => t == typeof(VerifyPhotoQuery) || t == typeof(VerifyForConsumerQuery)));
        var consumer = Assert.Single(sent.OfType<VerifyForConsumerQuery>());
        Assert.Equal($"(01){ConsumerScenario.Gtin}(17)301231(10)B1(21)GENUINE1", consumer.TypedCode);
    }

    /// <summary>Records every request the mediator handles, in order.</summary>
    private sealed class Recording<TRequest, TResponse>(ConcurrentQueue<object> sent) : IPipelineBehavior<TRequest, TResponse>
    {
        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            ArgumentNullException.ThrowIfNull(next);
            sent.Enqueue(request!);
            return next();
        }
    }
}
