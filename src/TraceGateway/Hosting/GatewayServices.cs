using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TraceGateway.Counter;
using TraceGateway.Errors;
using TraceGateway.Imaging;
using TraceGateway.LedgerAccess;
using TraceGateway.Mediation;
using TraceGateway.Notifications;
using TraceGateway.Security;
using TraceLedger.Storage;

namespace TraceGateway.Hosting;

/// <summary>Everything the gateway registers: ledger access (embedded or remote), mediator, security, errors, OpenAPI.</summary>
public static class GatewayServices
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var ledger = builder.Configuration.GetSection(LedgerSettings.Section).Get<LedgerSettings>() ?? new LedgerSettings();
        services.Configure<LedgerSettings>(builder.Configuration.GetSection(LedgerSettings.Section));
        services.TryAddSingletonTimeProvider();
        if (ledger.IsRemote)
        {
            services.AddSingleton<HttpClient>(_ => RemoteHttpClient(ledger));
            services.AddSingleton<ILedgerClient>(provider => new RemoteLedgerClient(provider.GetRequiredService<HttpClient>()));
            services.AddSingleton<RemoteKeyStoreHost>();
            services.AddHostedService(provider => provider.GetRequiredService<RemoteKeyStoreHost>());
            services.AddSingleton(provider => new GatewayKeys(() => provider.GetRequiredService<RemoteKeyStoreHost>().Keys, provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<EmbeddedLedgerHost>();
            services.AddHostedService(provider => provider.GetRequiredService<EmbeddedLedgerHost>());
            services.AddSingleton<ILedgerClient, EmbeddedLedgerClient>();
            services.AddSingleton(provider => new GatewayKeys(() => provider.GetRequiredService<EmbeddedLedgerHost>().Ledger.ApiKeys, provider.GetRequiredService<TimeProvider>()));
        }

        services.AddGatewayNotifications(builder.Configuration, ledger);

        // Enums on the wire as the ledger writes them (snake_case), so both ledger modes answer the same JSON.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        services.Configure<AdminKeySettings>(builder.Configuration.GetSection(AdminKeySettings.Section));
        services.AddHostedService<AdminKeyBootstrap>();
        services.AddGatewayMediator();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddGatewayPolicies();
        services.AddGatewayRateLimits(builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings());
        services.AddOpenApi();
        services.AddGatewayImaging(builder.Configuration);
        services.AddCounter(builder.Configuration);
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static HttpClient RemoteHttpClient(LedgerSettings settings)
    {
        var baseUrl = settings.Url!.ToString();
        var client = new HttpClient
        {
            BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        return client;
    }
}
