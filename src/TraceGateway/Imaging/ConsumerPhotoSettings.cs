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

    /// <summary>Photos decoded at the same time (decoding is CPU and memory heavy); others wait their turn.</summary>
    public int MaxConcurrentDecodes { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The request body limit of the upload: the photo plus room for the multipart framing.</summary>
    public long MaxRequestBytes => MaxImageBytes + (1L << 20);
}
