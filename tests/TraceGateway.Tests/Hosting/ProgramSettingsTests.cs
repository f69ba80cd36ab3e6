using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Hosting;

/// <summary>
/// How the gateway and ledger programs are set up to run: no config-file watcher over the content root (where the
/// ledger's files change on every commit) and no idle spinning in the thread pool (both cost CPU per request).
/// </summary>
public sealed class ProgramSettingsTests
{
    [Fact]
    public async Task Gateway_DoesNotWatchItsConfigurationFiles()
    {
        await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded);
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.NotEmpty(files); // appsettings.json and its environment file are still read
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }

    [Theory]
    [InlineData("TraceGateway")]
    [InlineData("TraceLedger")]
    public void Program_RunsItsThreadPoolWithoutIdleSpinning(string program)
    {
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, program + ".runtimeconfig.json")));
        var settings = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, settings.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
