using System.Diagnostics;

namespace TraceGateway.Tests.Support;

/// <summary>Debian's chromium in headless mode: loads a page like a phone browser would and returns the rendered DOM.</summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The DOM after load of <paramref name="url"/>, with the browser's Accept-Language set to <paramref name="language"/>.</summary>
    public static async Task<string> DumpDomAsync(Uri url, string language)
    {
        ArgumentNullException.ThrowIfNull(url);
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", $"--accept-lang={language}", $"--lang={language}",
                "--window-size=390,844", "--dump-dom", url.ToString(),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish loading {url} in 60 s: {await errors}");
            }

            var dom = await output;
            return dom.Length > 0 ? dom : throw new InvalidOperationException($"chromium returned no DOM for {url} (exit {process.ExitCode}): {await errors}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
