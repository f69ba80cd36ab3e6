using System.CommandLine;
using ScannerAgent.Configuration;
using ScannerAgent.Labels;
using ScannerAgent.Uplink;

namespace ScannerAgent.Commands;

/// <summary>
/// <c>labels --api-key KEY --gtin GTIN --batch LOT [--gateway URL | --config FILE] [--symbology datamatrix|gs1qr|digitallink]
/// [--format svg|png] [--page-size N] [--after CURSOR] [--pages N] [--columns N] [--out DIR]</c>: fetches a commissioned batch's labels
/// from the gateway with the manufacturer's key and writes them for printing.
/// </summary>
internal static class LabelsCommand
{
    public static Command Create()
    {
        var gateway = new Option<string?>("--gateway") { Description = "Gateway URL (default: Agent:GatewayUrl of the configuration)" };
        var config = new Option<FileInfo?>("--config") { Description = "appsettings.json giving the gateway URL" };
        var apiKey = new Option<string>("--api-key") { Description = "The manufacturer's API key", Required = true };
        var gtin = new Option<string>("--gtin") { Description = "GTIN of the batch", Required = true };
        var batch = new Option<string>("--batch") { Description = "Batch (lot) number", Required = true };
        var symbology = new Option<string>("--symbology") { Description = "datamatrix (GS1 Data Matrix), gs1qr (GS1 QR) or digitallink (QR of the Digital Link)", DefaultValueFactory = _ => "datamatrix" };
        symbology.AcceptOnlyFromAmong("datamatrix", "gs1qr", "digitallink");
        var format = new Option<string>("--format") { Description = "svg (one printable sheet per page) or png (one PNG per pack and labels.csv)", DefaultValueFactory = _ => "svg" };
        format.AcceptOnlyFromAmong("svg", "png");
        var pageSize = new Option<int>("--page-size") { Description = "Labels per page (1-1000)", DefaultValueFactory = _ => 100 };
        var after = new Option<string?>("--after") { Description = "Continue after this cursor (printed by an earlier run stopped with --pages)" };
        var pages = new Option<int?>("--pages") { Description = "Fetch at most this many pages (default: to the end of the batch)" };
        pages.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--pages must be at least 1");
            }
        });
        var columns = new Option<int>("--columns") { Description = "Labels per row of an SVG sheet (1-20)", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the labels to (created if missing)", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("labels", "Download a commissioned batch's labels (SVG sheets or PNGs) from the gateway for printing.")
        {
            gateway, config, apiKey, gtin, batch, symbology, format, pageSize, after, pages, columns, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var url = parse.GetValue(gateway) ?? AgentSettingsLoader.Load(parse.GetValue(config)?.FullName, []).GatewayUrl;
                if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
                {
                    await error.WriteLineAsync("labels: give the gateway URL with --gateway or Agent:GatewayUrl in --config");
                    return CommandLineExit.UsageError;
                }

                var request = new LabelRequest(
                    parse.GetRequiredValue(gtin),
                    parse.GetRequiredValue(batch),
                    parse.GetRequiredValue(symbology),
                    parse.GetRequiredValue(format),
                    parse.GetValue(pageSize),
                    parse.GetValue(after),
                    parse.GetValue(pages),
                    parse.GetValue(columns),
                    parse.GetRequiredValue(output).FullName);
                using var downloader = new LabelDownloader(baseUri, parse.GetRequiredValue(apiKey), TimeSpan.FromSeconds(120));
                var result = await downloader.DownloadAsync(request, cancellationToken);
                await console.WriteLineAsync($"wrote {result.Labels} of {result.Total} labels of batch {request.Batch} of GTIN {request.Gtin} ({result.Pages} page(s), {result.Files.Count} file(s)) to {request.OutputDirectory}");
                if (result.Next is not null)
                {
                    await console.WriteLineAsync($"more labels follow: continue with --after {result.Next}");
                }

                return 0;
            }
            catch (Exception e) when (e is GatewayException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"labels: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
