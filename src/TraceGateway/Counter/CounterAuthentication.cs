using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using TraceGateway.LedgerAccess;
using TraceGateway.Security;

namespace TraceGateway.Counter;

/// <summary>
/// The counter page's session: ASP.NET Core cookie authentication (ticket protected by Data Protection), antiforgery
/// on every form post, Data Protection's key ring on disk (encrypted to a certificate when one is configured,
/// <see cref="KeyRingProtection"/>), and the counter devices' custody.
/// </summary>
public static class CounterAuthentication
{
    /// <summary>The cookie authentication scheme of counter sessions.</summary>
    public const string Scheme = "CounterSession";

    /// <summary>Authorization policy of the counter page: a session of a pharmacy.</summary>
    public const string Policy = "counter";

    /// <summary>Claim with the session id (the key of the session's state).</summary>
    public const string SessionClaim = "sid";

    /// <summary>Claim with the sign-in time (Unix seconds), for the session's hard limit.</summary>
    public const string SignedInClaim = "auth_time";

    /// <summary>Claim with the id of the API key used to sign in.</summary>
    public const string KeyIdClaim = "kid";

    public static IServiceCollection AddCounter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CounterSettings.Section);
        var settings = section.Get<CounterSettings>() ?? new CounterSettings();
        var ledger = configuration.GetSection(LedgerSettings.Section).Get<LedgerSettings>() ?? new LedgerSettings();

        // Next to the gateway's own secrets: the ledger file (embedded) or the gateway's key store (remote).
        var home = Path.GetDirectoryName(Path.GetFullPath(ledger.IsRemote ? ledger.KeysDatabase : ledger.Database))!;
        var database = settings.Database ?? Path.Combine(home, "counter-devices.db");
        var keyRing = settings.KeyRingDirectory ?? Path.Combine(home, "data-protection");
        services.Configure<CounterSettings>(section);
        var certificate = KeyRingProtection.LoadCertificate(settings);
        X509Certificate2[] readable = certificate is null ? [] : [certificate, .. KeyRingProtection.LoadRetiredCertificates(settings)];
        KeyRingProtection.CheckReadable(keyRing, readable);
        var protection = services.AddDataProtection().SetApplicationName("TraceGateway").PersistKeysToFileSystem(PrivateDirectory(keyRing));
        if (certificate is not null)
        {
            // Decrypting with the configured certificates themselves: on Linux there is no certificate store to find them in.
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(readable);
        }

        services.AddMemoryCache();
        services.AddSingleton<CounterSessions>();
        services.AddSingleton(_ => new CounterDeviceStoreOpener(database));
        services.AddSingleton(provider => new CounterDeviceCustody(
            provider.GetRequiredService<CounterDeviceStoreOpener>().OpenAsync,
            provider.GetRequiredService<IDataProtectionProvider>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "tc_counter_af";
            o.Cookie.Path = "/counter";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
        });
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "tc_counter";
            o.Cookie.Path = "/counter";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.SessionMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/counter/login";
            o.AccessDeniedPath = "/counter/login";
            o.ReturnUrlParameter = "next";
            o.Events.OnValidatePrincipal = context => CounterSessionValidation.ValidateAsync(context, settings);
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(GatewayRoles.Pharmacy));
        return services;
    }

    private static DirectoryInfo PrivateDirectory(string path)
    {
        // The key ring decrypts session cookies and the counter devices' keys: owner-only.
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
