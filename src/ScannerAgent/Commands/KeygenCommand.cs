using System.CommandLine;
using ScannerAgent.Keys;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Commands;

/// <summary><c>keygen --key FILE [--force]</c>: writes a device key (PKCS#8 PEM, mode 0600) and prints its public key and key id.</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var key = new Option<FileInfo>("--key") { Description = "Where to write the device key (PKCS#8 PEM, created with mode 0600)", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing key file" };
        var command = new Command("keygen", "Create the device's signing key and print its public key.") { key, force };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(key)!.FullName;
            var output = parse.InvocationConfiguration.Output;
            try
            {
                using var created = DeviceKeyFile.Create(path, parse.GetValue(force));
                output.WriteLine($"key file:   {path}");
                output.WriteLine($"public key: {DeviceKeys.ExportPublicKey(created)}");
                output.WriteLine($"key id:     {DeviceKeys.KeyId(created)}");
                return 0;
            }
            catch (IOException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"keygen: {e.Message}");
                return 1;
            }
            catch (UnauthorizedAccessException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"keygen: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
