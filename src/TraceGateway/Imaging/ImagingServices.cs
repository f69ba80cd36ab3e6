namespace TraceGateway.Imaging;

/// <summary>Registrations for labels (Digital Link domain) and consumer photo checks (limits, decoder).</summary>
public static class ImagingServices
{
    public static IServiceCollection AddGatewayImaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<DigitalLinkSettings>(configuration.GetSection(DigitalLinkSettings.Section));
        services.Configure<ConsumerPhotoSettings>(configuration.GetSection(ConsumerPhotoSettings.Section));
        services.AddSingleton<PhotoDecoder>();
        services.AddSingleton<PhotoUploadSlots>();
        return services;
    }
}
