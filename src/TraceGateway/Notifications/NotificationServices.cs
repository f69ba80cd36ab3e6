using TraceGateway.LedgerAccess;

namespace TraceGateway.Notifications;

/// <summary>Registers the MQTT notification publisher when <c>Notifications:Mqtt:Host</c> is set.</summary>
public static class NotificationServices
{
    /// <summary>Adds the publisher reading the ledger of the configured mode; throws naming the key when the settings are unusable.</summary>
    public static IServiceCollection AddGatewayNotifications(this IServiceCollection services, IConfiguration configuration, LedgerSettings ledger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(ledger);
        var section = configuration.GetSection(NotificationSettings.Section);
        var settings = section.Get<NotificationSettings>() ?? new NotificationSettings();
        if (!settings.Enabled)
        {
            return services;
        }

        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("configuration: " + string.Join("; ", problems));
        }

        services.Configure<NotificationSettings>(section);
        if (ledger.IsRemote)
        {
            // The ledger client's HttpClient: the same base address, API key and timeout as every other ledger call.
            services.AddSingleton<INotificationSource>(provider => new RemoteNotificationSource(provider.GetRequiredService<HttpClient>()));
        }
        else
        {
            services.AddSingleton<INotificationSource, EmbeddedNotificationSource>();
        }

        services.AddSingleton<NotificationPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationPublisher>());
        return services;
    }
}
