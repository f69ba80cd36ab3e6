using TraceGateway.Security;
using TraceLedger.Storage;

namespace TraceGateway.Tests.Security;

/// <summary>The in-memory cache of verified API keys: fast, but never keeps a revoked or wrong key working.</summary>
public sealed class GatewayKeysTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private string directory = "";
    private ApiKeyStore store = null!;
    private GatewayKeys keys = null!;

    public async Task InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory("gateway-keys-").FullName;
        store = new ApiKeyStore(await LedgerStore.OpenAsync(Path.Combine(directory, "keys.db"), None), TimeProvider.System);
        keys = new GatewayKeys(() => store, clock);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Verify_KeyRevokedThroughTheGateway_FailsAtOnce()
    {
        var key = await keys.CreateAsync(new ApiKeyOwner(GatewayRoles.Pharmacy, "4012345000016"), None);
        Assert.Equal(new ApiKeyOwner(GatewayRoles.Pharmacy, "4012345000016"), await keys.VerifyAsync(key, None));

        Assert.True(await keys.RevokeAsync(GatewayKeys.KeyIdOf(key), None));

        Assert.Null(await keys.VerifyAsync(key, None));
    }

    [Fact]
    public async Task Verify_KeyRevokedBehindTheGatewaysBack_IsTrustedOnlyUntilTheCacheLifetimeEnds()
    {
        var key = await keys.CreateAsync(new ApiKeyOwner(GatewayRoles.Pharmacy, "4012345000016"), None);
        Assert.NotNull(await keys.VerifyAsync(key, None));

        // Another process (TraceLedger api-key --revoke) revokes in the key file itself: the cache does not see it...
        Assert.True(await store.RevokeAsync(GatewayKeys.KeyIdOf(key), None));
        clock.Advance(GatewayKeys.CacheLifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await keys.VerifyAsync(key, None));

        // ...until the entry expires and the store is asked again.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await keys.VerifyAsync(key, None));
    }

    [Fact]
    public async Task Verify_WrongSecretForACachedKeyId_IsRefused()
    {
        var key = await keys.CreateAsync(new ApiKeyOwner(GatewayRoles.Admin, "ops"), None);
        Assert.NotNull(await keys.VerifyAsync(key, None));

        var forged = GatewayKeys.KeyIdOf(key) + "." + new string('A', 43);
        Assert.Null(await keys.VerifyAsync(forged, None));
        Assert.Null(await keys.VerifyAsync(key + "x", None));
        Assert.Null(await keys.VerifyAsync("", None));
        Assert.Null(await keys.VerifyAsync(null, None));
    }

    [Fact]
    public async Task Revoke_WhileOthersVerifyTheSameKey_LeavesNothingThatStillAccepts()
    {
        for (var round = 0; round < 8; round++)
        {
            var key = await keys.CreateAsync(new ApiKeyOwner(GatewayRoles.Pharmacy, "4012345000016"), None);
            using var stop = new CancellationTokenSource();
            var verifiers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await keys.VerifyAsync(key, None);
                }
            })).ToList();

            await keys.RevokeAsync(GatewayKeys.KeyIdOf(key), None);

            // Verifications that began before the revocation may still finish; nothing may accept the key afterwards.
            for (var i = 0; i < 20; i++)
            {
                Assert.Null(await keys.VerifyAsync(key, None));
            }

            await stop.CancelAsync();
            await Task.WhenAll(verifiers);
            Assert.Null(await keys.VerifyAsync(key, None));
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
