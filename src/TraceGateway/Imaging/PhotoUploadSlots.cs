using Microsoft.Extensions.Options;

namespace TraceGateway.Imaging;

/// <summary>
/// Admission of photo uploads before their bodies are read: at most <see cref="ConsumerPhotoSettings.MaxConcurrentUploads"/>
/// are received, buffered and decoded at once, so the memory they hold is bounded by that many times
/// <see cref="ConsumerPhotoSettings.MaxImageBytes"/>. One that finds no place within
/// <see cref="ConsumerPhotoSettings.UploadWaitSeconds"/> is turned away unread.
/// </summary>
public sealed class PhotoUploadSlots : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly TimeSpan wait;

    public PhotoUploadSlots(IOptions<ConsumerPhotoSettings> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        slots = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentUploads));
        wait = TimeSpan.FromSeconds(Math.Max(0, options.Value.UploadWaitSeconds));
    }

    /// <summary>Places free now.</summary>
    public int Available => slots.CurrentCount;

    /// <summary>A place, held until disposed; null when none became free in time.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken) =>
        await slots.WaitAsync(wait, cancellationToken) ? new Slot(slots) : null;

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
