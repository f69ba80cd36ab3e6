using Microsoft.Extensions.Options;
using TraceChain.Imaging;

namespace TraceGateway.Imaging;

/// <summary>
/// Decodes consumers' photos with zxing-cpp under <see cref="ConsumerPhotoSettings"/>: sizes are checked before any
/// pixel is inflated (<see cref="ImagingLimits"/>), and at most <see cref="ConsumerPhotoSettings.MaxConcurrentDecodes"/>
/// photos are decoded at once, so a burst of uploads queues instead of exhausting memory.
/// </summary>
public sealed class PhotoDecoder : IDisposable
{
    private readonly BarcodeReader reader;
    private readonly SemaphoreSlim slots;

    public PhotoDecoder(IOptions<ConsumerPhotoSettings> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Settings = options.Value;
        reader = new BarcodeReader(ReaderOptions.Default, new ImagingLimits
        {
            MaxEncodedBytes = Settings.MaxImageBytes,
            MaxWidth = Settings.MaxSide,
            MaxHeight = Settings.MaxSide,
            MaxPixels = Settings.MaxPixels,
        });
        slots = new SemaphoreSlim(Math.Max(1, Settings.MaxConcurrentDecodes));
    }

    public ConsumerPhotoSettings Settings { get; }

    /// <summary>Every code in the PNG/JPEG; throws <see cref="ImagingException"/> for a file over the limits or not an image.</summary>
    public async Task<IReadOnlyList<DecodedCode>> DecodeAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return reader.Decode(image.Span);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
