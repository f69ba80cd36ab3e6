using System.CommandLine;
using ScannerAgent.Configuration;
using ScannerAgent.Keys;
using ScannerAgent.Uplink;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Commands;

/// <summary>
/// <c>register --gateway URL --api-key KEY [--config FILE] [--device-id ID] [--key FILE] [--party GLN]</c>:
/// registers the device's public key with the gateway or ledger (<c>POST /v1/devices</c>).
/// </summary>
internal static class RegisterCommand
{
    public static Command Create()
    {
        var gateway = new Option<string?>("--gateway") { Description = "Gateway or ledger URL (default: Agent:GatewayUrl of the configuration)" };
        var apiKey = new Option<string>("--api-key") { Description = "The party's registry API key", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "appsettings.json giving device id, key file and location" };
        var deviceId = new Option<string?>("--device-id") { Description = "Device id (default: Agent:DeviceId)" };
        var key = new Option<FileInfo?>("--key") { Description = "Device key file (default: Agent:KeyFile)" };
        var party = new Option<string?>("--party") { Description = "GLN of the device's party (default: Agent:Location)" };
        var command = new Command("register", "Register this device's public key with the gateway.") { gateway, apiKey, config, deviceId, key, party };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var settings = AgentSettingsLoader.Load(parse.GetValue(config)?.FullName, []);
                settings.DeviceId = parse.GetValue(deviceId) ?? settings.DeviceId;
                settings.KeyFile = parse.GetValue(key)?.FullName ?? settings.KeyFile;
                settings.Location = parse.GetValue(party) ?? settings.Location;
                settings.GatewayUrl = parse.GetValue(gateway) ?? settings.GatewayUrl;
                var problems = AgentSettingsLoader.Problems(settings, needScanners: false);
                if (problems.Count > 0)
                {
                    await error.WriteLineAsync("register: " + string.Join("; ", problems));
                    return CommandLineExit.UsageError;
                }

                using var deviceKey = DeviceKeyFile.Load(settings.KeyFile);
                using var client = new GatewayClient(new Uri(settings.GatewayUrl.TrimEnd('/') + "/"), TimeSpan.FromSeconds(10));
                var answer = await client.RegisterDeviceAsync(parse.GetRequiredValue(apiKey), settings.DeviceId, settings.Location, DeviceKeys.ExportPublicKey(deviceKey), cancellationToken);
                await output.WriteLineAsync($"registered device {settings.DeviceId} (key id {DeviceKeys.KeyId(deviceKey)}) for party {settings.Location} at {settings.GatewayUrl}: {answer}");
                return 0;
            }
            catch (Exception e) when (e is GatewayException or IOException or InvalidDataException)
            {
                await error.WriteLineAsync($"register: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
