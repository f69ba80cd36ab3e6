using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using TraceChain.Protocol.Gs1;
using TraceChain.Serial;

namespace ScannerAgent.Configuration;

/// <summary>Reads <see cref="AgentSettings"/> from a JSON file and command-line overrides, and says what is wrong with them.</summary>
public static partial class AgentSettingsLoader
{
    /// <summary>Loads the <c>Agent</c> section; later sources win (file, then <c>--Agent:Key=value</c> arguments).</summary>
    /// <exception cref="FileNotFoundException">The configuration file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON.</exception>
    public static AgentSettings Load(string? jsonPath, IEnumerable<string> commandLine)
    {
        var builder = new ConfigurationBuilder();
        if (jsonPath is not null)
        {
            var full = Path.GetFullPath(jsonPath);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"configuration file {full} does not exist", full);
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        builder.AddCommandLine(commandLine.ToArray());
        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"configuration {jsonPath}: {e.Message}", e);
        }

        var settings = new AgentSettings();
        root.GetSection(AgentSettings.Section).Bind(settings);
        var baseDirectory = jsonPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;

        // Relative files are relative to the configuration file, so the agent can be started from anywhere.
        settings.KeyFile = Path.GetFullPath(settings.KeyFile, baseDirectory);
        settings.OutboxPath = Path.GetFullPath(settings.OutboxPath, baseDirectory);
        ResolveCameraFolders(settings, baseDirectory);
        return settings;
    }

    /// <summary>Every problem with the settings, each naming the field; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(AgentSettings settings, bool needScanners = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (!DeviceIdPattern().IsMatch(settings.DeviceId ?? ""))
        {
            problems.Add($"Agent:DeviceId '{settings.DeviceId}' must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }

        CheckGln("Agent:Location", settings.Location, required: true, problems);
        if (!Uri.TryCreate(settings.GatewayUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            problems.Add($"Agent:GatewayUrl '{settings.GatewayUrl}' must be an absolute http or https URL");
        }

        if (settings.BatchSize is < 1 or > 10_000)
        {
            problems.Add($"Agent:BatchSize {settings.BatchSize} must be 1..10000");
        }

        if (settings.RetryMinMilliseconds < 1 || settings.RetryMaxMilliseconds < settings.RetryMinMilliseconds)
        {
            problems.Add("Agent:RetryMinMilliseconds must be positive and not above Agent:RetryMaxMilliseconds");
        }

        if (settings.DeliveryRetentionHours is < 1 or > 87_600)
        {
            problems.Add($"Agent:DeliveryRetentionHours {settings.DeliveryRetentionHours} must be 1..87600");
        }

        if (needScanners && settings.Scanners.Count == 0 && settings.MqttScanners.Count == 0 && settings.CameraScanners.Count == 0)
        {
            problems.Add("Agent:Scanners, Agent:MqttScanners and Agent:CameraScanners list no scanner");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.Scanners.Count; i++)
        {
            CheckScanner($"Agent:Scanners:{i}", settings.Scanners[i], names, problems);
        }

        for (var i = 0; i < settings.MqttScanners.Count; i++)
        {
            CheckMqttScanner($"Agent:MqttScanners:{i}", settings.MqttScanners[i], names, problems);
        }

        CheckCameraScanners(settings, names, problems);

        CheckNotifications(settings.Notifications, problems);
        CheckClientIds(settings, problems);
        return problems;
    }

    private static void CheckNotifications(NotificationFeedSettings? feed, List<string> problems)
    {
        if (feed is not { Enabled: true })
        {
            return;
        }

        const string At = "Agent:Notifications";
        CheckBroker(At, feed, problems);
        if (string.IsNullOrWhiteSpace(feed.TopicPrefix) || feed.TopicPrefix.IndexOfAny(['+', '#', '\0']) >= 0 || feed.TopicPrefix.StartsWith('/') || feed.TopicPrefix.EndsWith('/'))
        {
            problems.Add($"{At}:TopicPrefix '{feed.TopicPrefix}' must be topic levels without '+', '#' or a leading/trailing '/'");
        }
    }

    private static void CheckScanner(string at, ScannerSettings scanner, HashSet<string> names, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(scanner.Port))
        {
            problems.Add($"{at}:Port is required (a device path such as /dev/ttyACM0)");
        }
        else if (!names.Add(scanner.DisplayName))
        {
            problems.Add($"{at}: scanner name '{scanner.DisplayName}' is used twice");
        }

        if (ScannerSetup.ParseMode(scanner.Mode) is null)
        {
            problems.Add($"{at}:Mode '{scanner.Mode}' must be line or ssi");
        }

        if (!SerialPortOptions.SupportedBaudRates.Contains(scanner.Baud))
        {
            problems.Add($"{at}:Baud {scanner.Baud} must be one of {string.Join(", ", SerialPortOptions.SupportedBaudRates)}");
        }

        if (ScannerSetup.ParseSuffix(scanner.Suffix) is null)
        {
            problems.Add($"{at}:Suffix '{scanner.Suffix}' must be cr, lf or crlf");
        }

        CheckWorkflow(at, scanner.Workflow, scanner.Destination, scanner.Source, scanner.Parent, problems);
    }

    private static void CheckMqttScanner(string at, MqttScannerSettings scanner, HashSet<string> names, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(scanner.Name) || scanner.Name.Contains('/', StringComparison.Ordinal))
        {
            problems.Add($"{at}:Name '{scanner.Name}' is required and must not contain '/'");
        }
        else if (!names.Add(scanner.Name))
        {
            problems.Add($"{at}: scanner name '{scanner.Name}' is used twice");
        }

        CheckBroker(at, scanner, problems);
        if (!IsTopicLevel(scanner.Site))
        {
            problems.Add($"{at}:Site '{scanner.Site}' must be one topic level (not empty, no '/', '+' or '#')");
        }

        if (scanner.ScannerId != "+" && !IsTopicLevel(scanner.ScannerId))
        {
            problems.Add($"{at}:ScannerId '{scanner.ScannerId}' must be '+' (every scanner) or one topic level");
        }

        CheckWorkflow(at, scanner.Workflow, scanner.Destination, scanner.Source, scanner.Parent, problems);
    }

    private static bool IsTopicLevel(string? level) =>
        !string.IsNullOrWhiteSpace(level) && level.IndexOfAny(['/', '+', '#', '\0']) < 0;

    private static void CheckWorkflow(string at, string? workflowName, string? destination, string? source, string? parentSscc, List<string> problems)
    {
        var workflow = ScannerSetup.ParseWorkflow(workflowName);
        if (workflow is null)
        {
            problems.Add($"{at}:Workflow '{workflowName}' must be commission, receive, ship, pack, dispense or verify");
        }

        CheckGln($"{at}:Destination", destination, required: workflow == Workflow.Ship, problems);
        CheckGln($"{at}:Source", source, required: false, problems);
        if (workflow == Workflow.Pack || !string.IsNullOrWhiteSpace(parentSscc))
        {
            var parent = parentSscc?.Trim() ?? "";
            if (parent.Length != 18 || parent.Any(c => !char.IsAsciiDigit(c)) || !CheckDigit.IsValid(parent))
            {
                problems.Add($"{at}:Parent '{parentSscc}' must be an SSCC of 18 digits with a valid check digit (required for pack)");
            }
        }
    }

    private static void CheckGln(string at, string? gln, bool required, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(gln))
        {
            if (required)
            {
                problems.Add($"{at} is required (a 13-digit GLN)");
            }

            return;
        }

        var text = gln.Trim();
        if (text.Length != 13 || text.Any(c => !char.IsAsciiDigit(c)) || !CheckDigit.IsValid(text))
        {
            problems.Add($"{at} '{gln}' must be a GLN of 13 digits with a valid check digit");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex DeviceIdPattern();
}
