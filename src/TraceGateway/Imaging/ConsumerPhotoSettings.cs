namespace TraceGateway.Imaging;

/// <summary>Configuration section <c>ConsumerPhoto</c>: limits for photos consumers upload to the check page.</summary>
public sealed class ConsumerPhotoSettings
{
    public const string Section = "ConsumerPhoto";

    /// <summary>Largest photo file accepted (bytes); a phone's full-resolution JPEG is 3-12 MB.</summary>
    public long MaxImageBytes { get; set; } = 16L << 20;

    /// <summary>Most pixels (width x height) decoded; 50 MP admits full-resolution 48 MP phone photos.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Longest side in pixels.</summary>
    public int MaxSide { get; set; } = 16384;

    /// <summary>
    /// Photos decoded at the same time; others wait their turn. Not the core count: a 50 MP photo is inflated to several
    /// bytes per pixel before zxing-cpp adds its own buffers, a few hundred MB per decode (docs/gateway.md).
    /// </summary>
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>Uploads received at the same time (each buffers at most <see cref="MaxImageBytes"/>), counted before the body is read.</summary>
    public int MaxConcurrentUploads { get; set; } = 8;

    /// <summary>How long an upload waits for a free place before it is answered 503 (busy) without reading its body.</summary>
    public double UploadWaitSeconds { get; set; } = 5;

    /// <summary>The request body limit of the upload: the photo plus room for the multipart framing.</summary>
    public long MaxRequestBytes => MaxImageBytes + (1L << 20);
}
