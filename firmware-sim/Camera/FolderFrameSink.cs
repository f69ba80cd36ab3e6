using System.Globalization;
using TraceChain.Imaging.Frames;

namespace FirmwareSim.Camera;

/// <summary>
/// Writes frames as PNG files the way a camera app should: into a hidden temporary file in the same folder, then
/// renamed into place (atomic on one file system), so a watcher never sees half a file.
/// </summary>
public sealed class FolderFrameSink(string folder, string cameraId) : IFrameSink
{
    /// <summary>The file name of frame <paramref name="index"/>.</summary>
    public string FileName(int index) => string.Create(CultureInfo.InvariantCulture, $"{cameraId}-{index:D6}.png");

    /// <inheritdoc />
    public string Describe() => $"folder {Path.GetFullPath(folder)}";

    /// <inheritdoc />
    public async Task WriteAsync(CameraFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Directory.CreateDirectory(folder);
        var name = FileName(frame.Index);
        var temporary = Path.Combine(folder, "." + name + ".tmp");
        await File.WriteAllBytesAsync(temporary, GrayPngEncoder.Encode(frame.Image), cancellationToken);
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
