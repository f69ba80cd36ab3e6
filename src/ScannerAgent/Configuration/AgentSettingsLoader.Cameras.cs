namespace ScannerAgent.Configuration;

/// <summary>The camera scanners' part of the settings checks.</summary>
public static partial class AgentSettingsLoader
{
    private static void ResolveCameraFolders(AgentSettings settings, string baseDirectory)
    {
        foreach (var camera in settings.CameraScanners.Where(c => c.IsFolder))
        {
            camera.Folder = Path.GetFullPath(camera.Folder!, baseDirectory);
        }
    }

    private static void CheckCameraScanners(AgentSettings settings, HashSet<string> names, List<string> problems)
    {
        for (var i = 0; i < settings.CameraScanners.Count; i++)
        {
            var at = $"Agent:CameraScanners:{i}";
            var camera = settings.CameraScanners[i];
            if (string.IsNullOrWhiteSpace(camera.Name) || camera.Name.Contains('/', StringComparison.Ordinal))
            {
                problems.Add($"{at}:Name '{camera.Name}' is required and must not contain '/'");
            }
            else if (!names.Add(camera.Name))
            {
                problems.Add($"{at}: scanner name '{camera.Name}' is used twice");
            }

            var mqtt = !string.IsNullOrWhiteSpace(camera.Site);
            if (camera.IsFolder == mqtt)
            {
                problems.Add($"{at}: set exactly one of Folder (a watched folder) and Site (MQTT cameras)");
            }

            if (mqtt)
            {
                CheckCameraBroker(at, camera, problems);
            }
            else if (camera.CameraId is not null && !IsTopicLevel(camera.CameraId))
            {
                problems.Add($"{at}:CameraId '{camera.CameraId}' must not be empty or contain '/', '+' or '#'");
            }

            if (camera.RepeatWindowMilliseconds is < 0 or > 3_600_000)
            {
                problems.Add($"{at}:RepeatWindowMilliseconds {camera.RepeatWindowMilliseconds} must be 0..3600000");
            }

            if (camera.MaxCodesPerFrame is < 1 or > 255)
            {
                problems.Add($"{at}:MaxCodesPerFrame {camera.MaxCodesPerFrame} must be 1..255");
            }

            if (camera.MaxFrameBytes is < 1024 or > 256 * 1024 * 1024 - 1 || camera.MaxFramePixels < 1)
            {
                problems.Add($"{at}:MaxFrameBytes must be 1024..268435455 and MaxFramePixels positive");
            }

            if (camera.SettleMilliseconds < 0 || camera.PollMilliseconds < 10)
            {
                problems.Add($"{at}:SettleMilliseconds must not be negative and PollMilliseconds must be at least 10");
            }

            CheckWorkflow(at, camera.Workflow, camera.Destination, camera.Source, camera.Parent, problems);
        }
    }

    private static void CheckCameraBroker(string at, CameraScannerSettings camera, List<string> problems)
    {
        if (!IsTopicLevel(camera.Site))
        {
            problems.Add($"{at}:Site '{camera.Site}' must be one topic level (not empty, no '/', '+' or '#')");
        }

        var cameraId = camera.CameraId ?? "+";
        if (cameraId != "+" && !IsTopicLevel(cameraId))
        {
            problems.Add($"{at}:CameraId '{camera.CameraId}' must be '+' (every camera) or one topic level");
        }

        CheckBroker(at, camera, problems);
    }
}
