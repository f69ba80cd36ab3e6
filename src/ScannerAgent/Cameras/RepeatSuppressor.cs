namespace ScannerAgent.Cameras;

/// <summary>
/// A camera sees the same pack in many consecutive frames: a code seen again by the same camera within
/// <c>window</c> of its previous sighting is a repeat, not a new scan. The window slides with every sighting, so a
/// pack left in view stays one scan; a pack shown again after it was out of view for longer than the window is a
/// new scan. Thread-safe.
/// </summary>
public sealed class RepeatSuppressor(TimeSpan window, TimeProvider time)
{
    // Pruned when it grows past this, so a camera that sees thousands of packs does not hold them all.
    private const int PruneAbove = 4096;

    private readonly Dictionary<(string Camera, string Code), DateTimeOffset> _lastSeen = [];
    private readonly Lock _sync = new();

    /// <summary>The repeat window.</summary>
    public TimeSpan Window => window;

    /// <summary>Records a sighting; true when it repeats a sighting of the same code by the same camera within the window.</summary>
    public bool IsRepeat(string camera, string code)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            var key = (camera, code);
            var repeat = _lastSeen.TryGetValue(key, out var last) && now - last < window;
            _lastSeen[key] = now;
            if (_lastSeen.Count > PruneAbove)
            {
                foreach (var stale in _lastSeen.Where(e => now - e.Value >= window).Select(e => e.Key).ToList())
                {
                    _lastSeen.Remove(stale);
                }
            }

            return repeat;
        }
    }

    /// <summary>Forgets a sighting whose scan was not stored, so the same code in a redelivered frame is not suppressed.</summary>
    public void Forget(string camera, string code)
    {
        lock (_sync)
        {
            _lastSeen.Remove((camera, code));
        }
    }
}
