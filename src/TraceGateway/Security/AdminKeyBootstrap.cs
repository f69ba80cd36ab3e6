using Microsoft.Extensions.Options;

namespace TraceGateway.Security;

/// <summary>
/// Issues the first admin key: when <c>Gateway:AdminKeyFile</c> is set and that file does not exist yet, a new admin
/// key is written to it (mode 0600 on Unix) at start-up. Only its hash is stored; the operator reads the file once,
/// issues party keys through POST /v1/api-keys, and deletes it. An existing file is left alone.
/// </summary>
public sealed class AdminKeyBootstrap(IOptions<AdminKeySettings> settings, GatewayKeys keys, ILogger<AdminKeyBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = settings.Value.AdminKeyFile;
        if (string.IsNullOrWhiteSpace(path) || File.Exists(path))
        {
            return;
        }

        var key = await keys.CreateAsync(new ApiKeyOwner(GatewayRoles.Admin, "bootstrap"), cancellationToken);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // No byte-order mark: operators read the key with cat and paste it into a header.
        await using (var file = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            await file.WriteLineAsync(key.AsMemory(), cancellationToken);
        }

        logger.LogWarning("Wrote a new admin API key ({KeyId}) to {Path}; read it, then delete the file.", GatewayKeys.KeyIdOf(key), path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
