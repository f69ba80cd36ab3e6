namespace FirmwareSim.Camera;

/// <summary>Where simulated frames go: a watched folder or an MQTT topic.</summary>
public interface IFrameSink : IAsyncDisposable
{
    /// <summary>Describes the destination for the console.</summary>
    string Describe();

    /// <summary>Delivers one frame; returns when it is in place (folder) or acknowledged by the broker (MQTT QoS 1).</summary>
    Task WriteAsync(CameraFrame frame, CancellationToken cancellationToken);
}
