using TraceGateway.LedgerAccess;

namespace TraceGateway.Notifications;

/// <summary>Registers the MQTT notification publisher when <c>Notifications:Mqtt:Host</c> is set.</summary>
public static class NotificationServices
{
    /// <summary>Adds the publisher; throws naming the key when the settings are unusable or the ledger is remote.</summary>
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

        var problems = settings.Problems().ToList();
        if (ledger.IsRemote)
        {
            // The publisher follows the ledger's own file; a separate ledger service would publish them itself.
            problems.Add($"{NotificationSettings.Section} needs the embedded ledger (Ledger:Url is set)");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("configuration: " + string.Join("; ", problems));
        }

        services.Configure<NotificationSettings>(section);
        services.AddSingleton<NotificationPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationPublisher>());
        return services;
    }
}
