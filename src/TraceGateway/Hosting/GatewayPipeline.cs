using TraceGateway.Endpoints;
using TraceGateway.Security;

namespace TraceGateway.Hosting;

/// <summary>The request pipeline and every endpoint group.</summary>
public static class GatewayPipeline
{
    public static WebApplication UseGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        app.MapHopCaptureEndpoints();
        app.MapLogEndpoints();
        app.MapPartyEndpoints();
        app.MapDeviceEndpoints();
        app.MapApiKeyEndpoints();
        app.MapPackEndpoints();
        app.MapConsumerEndpoints();
        app.MapConsumerPhotoEndpoints();
        app.MapLifecycleEndpoints();
        app.MapLabelEndpoints();
        app.MapCounterDeviceEndpoints();
        app.MapCounterEndpoints();
        return app;
    }
}
