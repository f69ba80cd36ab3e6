using System.Diagnostics;

namespace TraceGateway.Tests.Support;

/// <summary>Debian's chromium in headless mode rendering a page or an SVG file to a PNG, as a printer's raster would.</summary>
public static class HeadlessScreenshot
{
    /// <summary>The PNG of <paramref name="url"/> at <paramref name="width"/> x <paramref name="height"/> CSS pixels.</summary>
    public static async Task<byte[]> CaptureAsync(Uri url, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(url);
        var work = Directory.CreateTempSubdirectory("chromium-shot-").FullName;
        try
        {
            var output = Path.Combine(work, "shot.png");
            var start = new ProcessStartInfo(HeadlessChromium.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={Path.Combine(work, "profile")}",
                $"--window-size={width},{height}", $"--screenshot={output}", url.ToString(),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not render {url} in 60 s: {await errors}");
            }

            return File.Exists(output)
                ? await File.ReadAllBytesAsync(output)
                : throw new InvalidOperationException($"chromium wrote no screenshot of {url} (exit {process.ExitCode}): {await errors}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
