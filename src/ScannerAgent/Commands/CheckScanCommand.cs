using System.CommandLine;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;

namespace ScannerAgent.Commands;

/// <summary>
/// <c>check-scan [--json] [--domain URL] &lt;scan&gt;</c>: reads one scan as a scanner would send it and says what it
/// holds or, when invalid, what in the scanner setup is probably wrong and how to fix it. Exit 0 valid, 1 invalid.
/// </summary>
internal static class CheckScanCommand
{
    public const string DefaultDomain = "https://id.tracechain.example";

    public static Command Create(TimeProvider? clock = null)
    {
        var scan = new Argument<string>("scan")
        {
            Description = "The scan: GS1 element strings (GS written as \\x1d, <GS> or {GS}), bracketed (01)..., a Digital Link URI, or a China 20-digit code",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var domain = new Option<string>("--domain")
        {
            Description = "Stem of the Digital Links printed (scheme, host, optional path)",
            DefaultValueFactory = _ => DefaultDomain,
        };
        domain.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!DigitalLinkUri.TryCreate(value, [new DigitalLinkElement("01", "09506000134352")], Gs1ParseOptions.Default, out _, out var error))
            {
                result.AddError($"--domain: {error.Message}");
            }
        });

        var command = new Command("check-scan", "Check one scan and explain scanner-setup problems.") { scan, json, domain };
        command.SetAction(parse =>
        {
            var options = new Gs1ParseOptions { TimeProvider = clock ?? TimeProvider.System };
            var report = CheckScanAnalyzer.Analyze(parse.GetRequiredValue(scan), parse.GetRequiredValue(domain), options);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CheckScanOutput.WriteJson(report, output);
            }
            else
            {
                CheckScanOutput.WriteText(report, output);
            }

            return report.Valid ? 0 : 1;
        });
        return command;
    }
}
