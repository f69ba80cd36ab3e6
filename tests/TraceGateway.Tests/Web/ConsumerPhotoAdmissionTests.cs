using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TraceGateway.Imaging;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>
/// Photo uploads are admitted before their bodies are read (a bounded number at once, the rest turned away with 503)
/// and buffered only up to the size limit, so an oversized photo is refused without being received whole.
/// </summary>
public sealed class ConsumerPhotoAdmissionTests : IAsyncLifetime
{
    private const int MaxImageBytes = 1 << 20;
    private readonly RequestBodyMeter meter = new();
    private KestrelGateway host = null!;

    // On Kestrel: a real socket, where a request body streams while the server works on it.
    public async Task InitializeAsync() => host = await KestrelGateway.StartAsync(
        new Dictionary<string, string?>
        {
            ["ConsumerPhoto:MaxImageBytes"] = MaxImageBytes.ToString(CultureInfo.InvariantCulture),
            ["ConsumerPhoto:MaxConcurrentUploads"] = "1",
            ["ConsumerPhoto:UploadWaitSeconds"] = "0",
        },
        services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(meter);

            // The held upload sends nothing until released; Kestrel's minimum body rate would end it after 5 s on a slow machine.
            services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MinRequestBodyDataRate = null);
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private HttpClient Client() => new() { BaseAddress = host.Address };

    [Fact]
    public async Task Photo_OverTheImageLimit_IsRefusedWithoutReadingItWhole()
    {
        // Under the request limit (image limit + 1 MiB), so only the photo's own limit can stop it.
        using var client = Client();
        using var response = await client.SendAsync(Upload(new GatedContent(Multipart(new byte[MaxImageBytes + (900 << 10)]), 0, Task.CompletedTask)));

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var read = meter.LastRequestBytes;
        Assert.InRange(read, MaxImageBytes, MaxImageBytes + (200 << 10));
    }

    [Fact]
    public async Task Uploads_BeyondTheFreePlaces_Get503Busy_UntilAPlaceIsFree()
    {
        var slots = host.Services.GetRequiredService<PhotoUploadSlots>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slowClient = Client();
        var slowUpload = slowClient.SendAsync(Upload(new GatedContent(Multipart(PackPhotos.Blank()), 300, release.Task)));
        Assert.True(SpinWait.SpinUntil(() => slots.Available == 0, TimeSpan.FromSeconds(30)), "the slow upload never took its place");

        using var client = Client();
        using (var busy = await client.SendAsync(Upload(new ByteArrayContent(Multipart(PackPhotos.Blank())))))
        {
            var problem = await Problems.AssertProblemAsync(busy, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("busy", problem.GetProperty("outcome").GetString());
            Assert.Equal("5", busy.Headers.GetValues("Retry-After").Single());
        }

        release.SetResult();
        using (var finished = await slowUpload.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, finished.StatusCode);
        }

        using var after = await client.SendAsync(Upload(new ByteArrayContent(Multipart(PackPhotos.Blank()))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, after.StatusCode);
        Assert.Equal(1, slots.Available);
    }

    private static HttpRequestMessage Upload(HttpContent content)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=photo-boundary");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/verify/photo?lang=en", UriKind.Relative)) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private static byte[] Multipart(byte[] photo) =>
    [
        .. Encoding.ASCII.GetBytes("--photo-boundary\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"pack.png\"\r\nContent-Type: image/png\r\n\r\n"),
        .. photo,
        .. Encoding.ASCII.GetBytes("\r\n--photo-boundary--\r\n"),
    ];

    /// <summary>A request body of unknown length (sent chunked): the first bytes are sent at once, the rest when <paramref name="gate"/> completes.</summary>
    private sealed class GatedContent(byte[] data, int gateAt, Task gate) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(data.AsMemory(0, gateAt));
            await stream.FlushAsync();
            await gate;
            await stream.WriteAsync(data.AsMemory(gateAt));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
