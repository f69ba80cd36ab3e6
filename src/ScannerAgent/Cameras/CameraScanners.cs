using ScannerAgent.Agent;
using ScannerAgent.Configuration;

namespace ScannerAgent.Cameras;

/// <summary>The agent's camera scanners (<c>Agent:CameraScanners</c>): watched folders and MQTT frame topics.</summary>
public sealed class CameraScanners : IAsyncDisposable
{
    private readonly List<FolderCameraWorker> _folders = [];
    private readonly List<MqttCameraWorker> _mqtt = [];

    /// <summary>Creates a worker per configured camera scanner (not started).</summary>
    public CameraScanners(AgentSettings settings, HopRecorder recorder, AgentLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var camera in settings.CameraScanners)
        {
            if (camera.IsFolder)
            {
                _folders.Add(new FolderCameraWorker(camera, recorder, log, time));
            }
            else
            {
                _mqtt.Add(new MqttCameraWorker(camera, settings.DeviceId, recorder, log, time));
            }
        }
    }

    /// <summary>The watched folders.</summary>
    public IReadOnlyList<FolderCameraWorker> Folders => _folders;

    /// <summary>The MQTT camera groups.</summary>
    public IReadOnlyList<MqttCameraWorker> Mqtt => _mqtt;

    /// <summary>How many camera scanners there are.</summary>
    public int Count => _folders.Count + _mqtt.Count;

    /// <summary>True once every camera scanner is watching or subscribed.</summary>
    public bool IsReady => _folders.All(f => f.IsReady) && _mqtt.All(m => m.IsReady);

    /// <summary>Starts every camera scanner; the tasks end after cancellation.</summary>
    public IEnumerable<Task> Start(CancellationToken cancellationToken) =>
        _folders.Select(f => Task.Run(() => f.RunAsync(cancellationToken), CancellationToken.None))
            .Concat(_mqtt.Select(m => Task.Run(() => m.RunAsync(cancellationToken), CancellationToken.None)))
            .ToList();

    /// <summary>Stops watching and disconnects.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }

        foreach (var mqtt in _mqtt)
        {
            await mqtt.DisposeAsync();
        }
    }
}
