using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;

namespace ScannerAgent.Tests.Configuration;

public sealed class CameraScannerSettingsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-camera-config-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_ReadsCameraScanners_FolderRelativeToTheFile()
    {
        var path = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(path, $$"""
            { "Agent": { "DeviceId": "dev-1", "Location": "{{TestCodes.Gln(1)}}",
              "CameraScanners": [
                { "Name": "dock-cam", "Folder": "incoming", "RepeatWindowMilliseconds": 5000, "Workflow": "receive" },
                { "Name": "gates", "Site": "site1", "Host": "broker", "Username": "u", "Password": "p", "MaxCodesPerFrame": 12, "Workflow": "ship", "Destination": "{{TestCodes.Gln(2)}}" } ] } }
            """);

        var settings = AgentSettingsLoader.Load(path, ["--Agent:CameraScanners:0:CameraId=dock-1"]);

        Assert.Empty(AgentSettingsLoader.Problems(settings));
        var folder = settings.CameraScanners[0];
        Assert.True(folder.IsFolder);
        Assert.Equal(Path.Combine(directory, "incoming"), folder.Folder);
        Assert.Equal(("dock-1", 5000, 2000), (folder.CameraId, folder.RepeatWindowMilliseconds, folder.SettleMilliseconds));
        var mqtt = settings.CameraScanners[1];
        Assert.False(mqtt.IsFolder);
        Assert.Equal(("broker", 1883, 12), (mqtt.Host, mqtt.Port, mqtt.MaxCodesPerFrame));
        Assert.Equal(Workflow.Ship, ScannerSetup.From(mqtt).Workflow);
        Assert.Equal(TestCodes.Gln(2), ScannerSetup.From(mqtt).Destination);
    }

    [Fact]
    public void Problems_NameEachBadCameraField()
    {
        var settings = new AgentSettings { DeviceId = "dev-1", Location = TestCodes.Gln(1) };
        settings.CameraScanners.Add(new CameraScannerSettings { Name = "a/b", Folder = "/tmp/x", Site = "s1", RepeatWindowMilliseconds = -1, MaxCodesPerFrame = 0 });
        settings.CameraScanners.Add(new CameraScannerSettings { Name = "neither", MaxFrameBytes = 10, PollMilliseconds = 1, Workflow = "pack" });
        settings.CameraScanners.Add(new CameraScannerSettings { Name = "mq", Site = "s/1", CameraId = "#", Port = 0, Password = "p" });
        settings.CameraScanners.Add(new CameraScannerSettings { Name = "mq", Folder = "/tmp/y" });

        var problems = string.Join("\n", AgentSettingsLoader.Problems(settings));

        Assert.Contains("Agent:CameraScanners:0:Name 'a/b'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:0: set exactly one of Folder (a watched folder) and Site (MQTT cameras)", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:0:RepeatWindowMilliseconds -1", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:0:MaxCodesPerFrame 0", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:1: set exactly one of Folder", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:1:MaxFrameBytes", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:1:SettleMilliseconds must not be negative and PollMilliseconds", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:1:Parent", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:2:Site 's/1'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:2:CameraId '#'", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:2:Port 0", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:2:Password is set without Username", problems, StringComparison.Ordinal);
        Assert.Contains("Agent:CameraScanners:3: scanner name 'mq' is used twice", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_OnlyCameraScanners_IsAUsableAgent()
    {
        var settings = new AgentSettings { DeviceId = "dev-1", Location = TestCodes.Gln(1) };
        Assert.Contains("Agent:Scanners, Agent:MqttScanners and Agent:CameraScanners list no scanner", AgentSettingsLoader.Problems(settings));

        settings.CameraScanners.Add(new CameraScannerSettings { Name = "cam", Folder = directory });

        Assert.Empty(AgentSettingsLoader.Problems(settings));
    }
}
