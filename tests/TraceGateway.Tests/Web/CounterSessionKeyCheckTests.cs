using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TraceGateway.Security;
using TraceGateway.Tests.Support;
using TraceLedger.Storage;

namespace TraceGateway.Tests.Web;

/// <summary>A counter session ends when its API key is revoked by someone other than this gateway, within the key check interval.</summary>
public sealed class CounterSessionKeyCheckTests
{
    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task Session_OfAKeyRevokedInTheStoreByAnotherProcess_EndsWithinTheCheckInterval(LedgerMode mode)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayHost.StartAsync(mode, services: s => s.AddSingleton<TimeProvider>(clock));
        var key = await host.KeyAsync(GatewayRoles.Pharmacy);
        using var browser = new CounterBrowser(host.Browser());
        using var signIn = await browser.SignInAsync(key);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);

        // A live key passes its check and the session goes on.
        clock.Advance(GatewayKeys.CacheLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/counter")).Status);
        var cookie = (await browser.Client.GetAsync(new Uri("/counter", UriKind.Relative))).RequestMessage!.Headers.GetValues("Cookie").Single();

        // As `TraceLedger api-key --revoke` does: its own connection to the key file, nothing through this gateway.
        await RevokeInStoreAsync(Path.Combine(host.Directory, mode == LedgerMode.Embedded ? "ledger.db" : "gateway-keys.db"), GatewayKeys.KeyIdOf(key));
        clock.Advance(GatewayKeys.CacheLifetime / 3);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/counter")).Status); // the store is asked at most once per interval
        clock.Advance(GatewayKeys.CacheLifetime);
        var (status, _, location) = await browser.GetAsync("/counter");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/counter/login", location!.PathAndQuery, StringComparison.Ordinal);

        // The session itself is gone, so a copy of the cookie taken before does not bring it back.
        using var copy = host.Browser();
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri("/counter", UriKind.Relative));
        replay.Headers.Add("Cookie", cookie);
        using var replayed = await copy.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    private static async Task RevokeInStoreAsync(string keyFile, string keyId)
    {
        var store = await LedgerStore.OpenAsync(keyFile, CancellationToken.None);
        Assert.True(await new ApiKeyStore(store, TimeProvider.System).RevokeAsync(keyId, CancellationToken.None));
        SqliteConnection.ClearAllPools();
    }
}
