using System.Globalization;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;

namespace ScannerAgent.Cameras;

/// <summary>
/// A watched folder that a camera app writes images into. Only whole files named <c>*.png</c>, <c>*.jpg</c> or
/// <c>*.jpeg</c> (not starting with '.') are read: an app writes <c>name.png.tmp</c> (or <c>.name.png</c>) and renames
/// it into place, which is atomic on one file system. Each file goes through <see cref="CameraScanRecorder"/>; it is
/// moved to <c>processed/</c> only after its hops are committed, or to <c>rejected/</c> with a
/// <c>{name}.reason.txt</c> beside it when it is not a usable image or holds no pack code. Files left in the folder
/// (agent stopped, storage failed) are processed at the next start or pass. An image that is not yet complete (no
/// PNG IEND / JPEG EOI) is left alone for <c>SettleMilliseconds</c>, for writers that do not rename. Each hop is
/// stored with its file's identity (name, size, SHA-256 of the content, code), so a file whose hops were committed
/// but which was not moved (the agent stopped in between) adds no second hop when it is processed again.
/// </summary>
public sealed class FolderCameraWorker : IDisposable
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    private readonly CameraScannerSettings _settings;
    private readonly CameraScanRecorder _cameras;
    private readonly AgentLog _log;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private FileSystemWatcher? _watcher;
    private long _stored;
    private long _suppressed;
    private long _processed;
    private long _rejected;
    private long _alreadyStored;

    /// <summary>Creates the worker (not started).</summary>
    public FolderCameraWorker(CameraScannerSettings settings, HopRecorder recorder, AgentLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _cameras = CameraScanRecorder.For(settings, recorder, log, time);
        _log = log;
        _time = time;
        Folder = Path.GetFullPath(settings.Folder ?? throw new ArgumentException($"camera scanner {settings.Name} has no Folder", nameof(settings)));
    }

    /// <summary>The camera's name.</summary>
    public string Name => _settings.Name;

    /// <summary>The camera id recorded in the outbox (<c>{Name}/{CameraId}</c>).</summary>
    public string CameraId => _settings.CameraId ?? _settings.Name;

    /// <summary>The watched folder.</summary>
    public string Folder { get; }

    /// <summary>Where files go once their hops are committed.</summary>
    public string ProcessedFolder => Path.Combine(Folder, "processed");

    /// <summary>Where unusable files go, each with a reason file.</summary>
    public string RejectedFolder => Path.Combine(Folder, "rejected");

    /// <summary>True once the folder is watched and the files found at start are handled.</summary>
    public bool IsReady { get; private set; }

    /// <summary>Codes stored as hops.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Codes dropped as repeats of a recent sighting.</summary>
    public long Suppressed => Interlocked.Read(ref _suppressed);

    /// <summary>Files moved to processed/.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Files moved to rejected/.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Codes of files processed again whose hops were already stored (before a crash), so no new hop.</summary>
    public long AlreadyStored => Interlocked.Read(ref _alreadyStored);

    /// <summary>
    /// Test hook: runs after a file's hops are committed and before it is moved; tests stop the agent in exactly
    /// that window.
    /// </summary>
    internal Func<CameraFrameResult, CancellationToken, Task>? AfterRecord { get; set; }

    /// <summary>Handles the files already there, then every new one, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(ProcessedFolder);
        Directory.CreateDirectory(RejectedFolder);
        StartWatcher();
        var poll = TimeSpan.FromMilliseconds(_settings.PollMilliseconds);
        _log.Write(Name, $"watching {Folder} (camera {CameraId}, workflow {_cameras.Setup.Workflow.ToString().ToLowerInvariant()})");
        try
        {
            while (true)
            {
                var pending = await ProcessFolderAsync(cancellationToken);
                IsReady = true;

                // Notifications wake the loop at once; the poll catches a missed one and retries files left pending.
                await _changed.WaitAsync(pending ? TimeSpan.FromMilliseconds(Math.Min(poll.TotalMilliseconds, 200)) : poll, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: files not yet handled stay in the folder for the next start.
        }
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
    }

    /// <summary>True for a name the worker reads: an image extension and not hidden.</summary>
    public static bool IsCandidate(string fileName) =>
        !fileName.StartsWith('.') && Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private void StartWatcher()
    {
        try
        {
            _watcher = new FileSystemWatcher(Folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Created += (_, _) => Wake();
            _watcher.Renamed += (_, _) => Wake();
            _watcher.Changed += (_, _) => Wake();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // inotify instances are a per-user limit; polling alone still finds every file.
            _watcher?.Dispose();
            _watcher = null;
            _log.Write(Name, $"file notifications unavailable ({e.Message}); polling every {_settings.PollMilliseconds} ms");
        }
    }

    private void Wake()
    {
        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or stopping.
        }
    }

    // Returns true when some file was left for a later pass (incomplete, or storage failed).
    private async Task<bool> ProcessFolderAsync(CancellationToken cancellationToken)
    {
        var files = new DirectoryInfo(Folder).EnumerateFiles()
            .Where(f => IsCandidate(f.Name))
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var pending = false;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                pending |= !await ProcessFileAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // E.g. the file was removed or cannot be moved: reported, and looked at again on the next pass.
                pending = true;
                _log.Write(Name, $"{file.Name}: {e.Message}");
            }
        }

        return pending;
    }

    // Returns false when the file stays in the folder for a later pass.
    private async Task<bool> ProcessFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            file.Refresh();
            if (!file.Exists)
            {
                return true;
            }

            if (file.Length > _settings.MaxFrameBytes)
            {
                Reject(file, $"file is {file.Length} bytes, over the limit of {_settings.MaxFrameBytes} bytes");
                return true;
            }

            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Write(Name, $"{file.Name}: cannot be read yet: {e.Message}");
            return false;
        }

        if (!CameraFrameDecoder.IsComplete(bytes) && _time.GetUtcNow().UtcDateTime - file.LastWriteTimeUtc < TimeSpan.FromMilliseconds(_settings.SettleMilliseconds))
        {
            // Probably still being written by an app that does not rename into place.
            return false;
        }

        CameraFrameResult result;
        try
        {
            var identity = MqttDelivery.Frame($"folder:{Folder}", $"{file.Name} ({bytes.Length} bytes)", bytes);
            result = await _cameras.RecordAsync(CameraId, bytes, identity, maybeStored: true, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Not stored: the file stays and is tried again on the next pass.
            _log.Write(Name, $"{file.Name}: hops NOT stored ({e.Message}); the file stays for a retry");
            return false;
        }

        Interlocked.Add(ref _stored, result.Stored.Count);
        Interlocked.Add(ref _suppressed, result.Suppressed);
        Interlocked.Add(ref _alreadyStored, result.AlreadyStored);
        if (AfterRecord is { } hook)
        {
            await hook(result, cancellationToken);
        }

        var problem = result.ImageProblem
            ?? (result.CodesFound == 0 ? "no barcode found in the image"
            : result.Stored.Count == 0 && result.Suppressed == 0 && result.AlreadyStored == 0 ? "no code names a pack: " + string.Join("; ", result.Invalid)
            : null);
        if (problem is not null)
        {
            Reject(file, problem);
            return true;
        }

        var moved = MoveInto(file, ProcessedFolder);
        Interlocked.Increment(ref _processed);
        _log.Write(Name, $"{file.Name}: {result.Stored.Count} hop(s), {result.Suppressed} repeat(s)" + (result.AlreadyStored > 0 ? $", {result.AlreadyStored} already stored" : "") + (result.Invalid.Count > 0 ? $", {result.Invalid.Count} invalid code(s)" : "") + $" -> processed/{Path.GetFileName(moved)}");
        return true;
    }

    private void Reject(FileInfo file, string problem)
    {
        var moved = MoveInto(file, RejectedFolder);
        File.WriteAllText(moved + ".reason.txt", string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow():O} {file.Name}: {problem}\n"));
        Interlocked.Increment(ref _rejected);
        _log.Write(Name, $"{file.Name} rejected: {problem} -> rejected/{Path.GetFileName(moved)}");
    }

    // Moves without overwriting: a camera that reuses names keeps every earlier file.
    private static string MoveInto(FileInfo file, string folder)
    {
        var target = Path.Combine(folder, file.Name);
        for (var n = 1; File.Exists(target) || File.Exists(target + ".reason.txt"); n++)
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file.Name)}-{n}{file.Extension}");
        }

        file.MoveTo(target);
        return target;
    }
}
