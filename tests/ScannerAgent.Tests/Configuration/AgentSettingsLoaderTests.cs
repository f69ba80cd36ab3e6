using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;

namespace ScannerAgent.Tests.Configuration;

public sealed class AgentSettingsLoaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-config-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Load_ReadsFile_CommandLineWins_AndPathsAreRelativeToTheFile()
    {
        var path = Write($$"""
            { "Agent": { "DeviceId": "dev-1", "Location": "{{TestCodes.Gln(1)}}", "KeyFile": "keys/device.key",
              "Scanners": [ { "Name": "dock", "Port": "/dev/ttyACM0", "Mode": "ssi", "Baud": 115200, "Workflow": "ship", "Destination": "{{TestCodes.Gln(2)}}" } ] } }
            """);
        var settings = AgentSettingsLoader.Load(path, ["--Agent:GatewayUrl=http://gw.example:8080", "--Agent:Scanners:0:Baud=9600"]);
        Assert.Equal("dev-1", settings.DeviceId);
        Assert.Equal("http://gw.example:8080", settings.GatewayUrl);
        Assert.Equal(Path.Combine(directory, "keys", "device.key"), settings.KeyFile);
        var scanner = Assert.Single(settings.Scanners);
        Assert.Equal(9600, scanner.Baud);
        Assert.Empty(AgentSettingsLoader.Problems(settings));
        var setup = ScannerSetup.From(scanner);
        Assert.Equal(Workflow.Ship, setup.Workflow);
        Assert.Equal(TraceChain.Serial.Scanning.ScannerMode.Ssi, setup.Serial!.Mode);
    }

    [Fact]
    public void Problems_NameEachBadField()
    {
        var settings = new AgentSettings { DeviceId = "bad id!", Location = "4012345000001", GatewayUrl = "ftp://x" };
        settings.Scanners.Add(new ScannerSettings { Port = "/dev/ttyS0", Mode = "usb", Baud = 1200, Suffix = "tab", Workflow = "ship" });
        settings.Scanners.Add(new ScannerSettings { Port = "/dev/ttyS1", Workflow = "pack", Parent = "123" });
        var problems = string.Join("\n", AgentSettingsLoader.Problems(settings));
        Assert.Contains("Agent:DeviceId", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:Location '4012345000001' must be a GLN", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:GatewayUrl", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:Scanners:0:Mode 'usb'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:Scanners:0:Baud 1200", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:Scanners:0:Suffix 'tab'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:Scanners:0:Destination is required", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:Scanners:1:Parent '123'", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadsMqttScanners_AndProblemsNameTheirBadFields()
    {
        var path = Write($$"""
            { "Agent": { "DeviceId": "dev-1", "Location": "{{TestCodes.Gln(1)}}",
              "MqttScanners": [ { "Name": "mq", "Host": "broker", "Port": 8883, "Username": "u", "Password": "p", "Site": "site1", "Workflow": "verify" } ] } }
            """);
        var settings = AgentSettingsLoader.Load(path, []);
        var mqtt = Assert.Single(settings.MqttScanners);
        Assert.Equal(("broker", 8883, "site1", "+"), (mqtt.Host, mqtt.Port, mqtt.Site, mqtt.ScannerId));
        Assert.Empty(AgentSettingsLoader.Problems(settings));
        Assert.Equal(Workflow.Verify, ScannerSetup.From(mqtt).Workflow);

        var bad = new AgentSettings { DeviceId = "dev-1", Location = TestCodes.Gln(1) };
        bad.MqttScanners.Add(new MqttScannerSettings { Name = "a/b", Host = "", Port = 0, Site = "s/1", ScannerId = "#", Password = "p", Workflow = "ship" });
        var problems = string.Join("\n", AgentSettingsLoader.Problems(bad));
        Assert.Contains("Agent:MqttScanners:0:Name 'a/b'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:MqttScanners:0:Host is required", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:MqttScanners:0:Port 0", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:MqttScanners:0:Site 's/1'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:MqttScanners:0:ScannerId '#'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:MqttScanners:0:Password is set without Username", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:MqttScanners:0:Destination is required", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadsNotifications_AndProblemsNameTheirBadFields()
    {
        var path = Write($$"""
            { "Agent": { "DeviceId": "dev-1", "Location": "{{TestCodes.Gln(1)}}",
              "Scanners": [ { "Name": "dock", "Port": "/dev/ttyACM0", "Workflow": "receive" } ],
              "Notifications": { "Host": "broker.site1", "Port": 8883, "Username": "{{TestCodes.Gln(1)}}", "Password": "pw", "Alerts": false } } }
            """);
        var settings = AgentSettingsLoader.Load(path, []);
        Assert.Equal(("broker.site1", 8883, false, "tracechain"), (settings.Notifications.Host, settings.Notifications.Port, settings.Notifications.Alerts, settings.Notifications.TopicPrefix));
        Assert.Empty(AgentSettingsLoader.Problems(settings));

        settings.Notifications = new NotificationFeedSettings { Host = "b", Port = 0, TopicPrefix = "tc/#", Password = "pw" };
        var problems = AgentSettingsLoader.Problems(settings);
        Assert.Contains(problems, p => p.StartsWith("Agent:Notifications:Port 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Agent:Notifications:TopicPrefix 'tc/#'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Agent:Notifications:Password is set without Username", StringComparison.Ordinal));

        // Without a host the section is off and not checked.
        settings.Notifications = new NotificationFeedSettings { Port = 0 };
        Assert.Empty(AgentSettingsLoader.Problems(settings));
    }

    [Fact]
    public void Problems_TwoMqttWorkersWithOneClientId_NameBoth_EvenOnOtherBrokers()
    {
        var settings = new AgentSettings { DeviceId = "dev-1", Location = TestCodes.Gln(1) };
        settings.MqttScanners.Add(new MqttScannerSettings { Name = "dock", Site = "site1", ClientId = "shared" });
        settings.CameraScanners.Add(new CameraScannerSettings { Name = "gate", Site = "site1", Host = "other-broker", ClientId = "shared" });
        settings.CameraScanners.Add(new CameraScannerSettings { Name = "inbox", Folder = directory, ClientId = "shared" }); // a folder has no MQTT client

        // A scanner group named "notifications" takes the notification listener's default client id.
        settings.MqttScanners.Add(new MqttScannerSettings { Name = "notifications", Site = "site1" });
        settings.Notifications = new NotificationFeedSettings { Host = "127.0.0.1" };

        var problems = AgentSettingsLoader.Problems(settings);

        Assert.Equal(
            [
                "Agent:CameraScanners:0: MQTT client id 'shared' is already Agent:MqttScanners:0's; each MQTT worker needs its own ClientId (two connections with one id throw each other off the broker)",
                "Agent:Notifications: MQTT client id 'dev-1-notifications' is already Agent:MqttScanners:1's; each MQTT worker needs its own ClientId (two connections with one id throw each other off the broker)",
            ],
            problems);
        var e = Assert.Throws<ArgumentException>(() => new ScannerAgent.Agent.AgentRunner(settings, TextWriter.Null));
        Assert.Contains("MQTT client id 'shared'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_DistinctDefaultClientIds_AreFine_AndTheRetentionIsChecked()
    {
        var settings = new AgentSettings { DeviceId = "dev-1", Location = TestCodes.Gln(1), DeliveryRetentionHours = 0 };
        settings.MqttScanners.Add(new MqttScannerSettings { Name = "dock", Site = "site1" });
        settings.CameraScanners.Add(new CameraScannerSettings { Name = "gate", Site = "site1" });
        settings.Notifications = new NotificationFeedSettings { Host = "127.0.0.1" };

        Assert.Equal(["Agent:DeliveryRetentionHours 0 must be 1..87600"], AgentSettingsLoader.Problems(settings));
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => AgentSettingsLoader.Load(Path.Combine(directory, "nope.json"), []));
        Assert.Contains("nope.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenJson_IsAClearError()
    {
        var path = Write("{ \"Agent\": { ");
        var e = Assert.Throws<InvalidDataException>(() => AgentSettingsLoader.Load(path, []));
        Assert.Contains("appsettings.json", e.Message, StringComparison.Ordinal);
    }
}
