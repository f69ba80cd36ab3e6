using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Security;

public sealed class AdminKeyBootstrapTests
{
    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task FirstStart_WritesAWorkingAdminKeyOnce_OwnerOnly(LedgerMode mode)
    {
        var folder = Directory.CreateTempSubdirectory("gateway-bootstrap-").FullName;
        var file = Path.Combine(folder, "admin.key");
        try
        {
            await using (var host = await GatewayHost.StartAsync(mode, new Dictionary<string, string?> { ["Gateway:AdminKeyFile"] = file }))
            {
                // Read the raw bytes, as `cat` does: a byte-order mark would end up in the pasted header.
                var key = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file)).TrimEnd('\n');
                Assert.StartsWith("tlk_", key, StringComparison.Ordinal);
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                }

                using var admin = host.Anonymous();
                admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
                using var created = await admin.PostAsJsonAsync("/v1/api-keys", new { role = "pharmacy", subject = TestData.Gln(3) });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            var first = await File.ReadAllTextAsync(file);
            await using (var again = await GatewayHost.StartAsync(mode, new Dictionary<string, string?> { ["Gateway:AdminKeyFile"] = file }))
            {
                Assert.Equal(first, await File.ReadAllTextAsync(file));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
