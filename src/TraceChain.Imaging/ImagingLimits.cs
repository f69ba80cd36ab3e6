namespace TraceChain.Imaging;

/// <summary>
/// Sizes an image may have before it is decoded. Encoded images are checked against their declared header
/// dimensions before any pixel is inflated, so a small file claiming a huge image (a decompression bomb) is
/// refused cheaply.
/// </summary>
public sealed record ImagingLimits
{
    /// <summary>Defaults: 32 MiB files, 16384 pixels a side, 50 megapixels.</summary>
    public static ImagingLimits Default { get; } = new();

    /// <summary>Largest PNG/JPEG file, in bytes.</summary>
    public long MaxEncodedBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Widest image, in pixels.</summary>
    public int MaxWidth { get; init; } = 16384;

    /// <summary>Tallest image, in pixels.</summary>
    public int MaxHeight { get; init; } = 16384;

    /// <summary>Most pixels (width x height).</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    internal void Validate()
    {
        if (MaxEncodedBytes <= 0 || MaxWidth <= 0 || MaxHeight <= 0 || MaxPixels <= 0)
        {
            throw new ArgumentException("every imaging limit must be positive");
        }
    }
}
