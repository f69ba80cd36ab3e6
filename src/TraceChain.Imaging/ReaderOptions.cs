namespace TraceChain.Imaging;

/// <summary>How hard <see cref="BarcodeReader"/> looks.</summary>
public sealed record ReaderOptions
{
    /// <summary>Every format, try harder, rotations, downscaling, up to 8 symbols, region scan.</summary>
    public static ReaderOptions Default { get; } = new();

    /// <summary>Formats to look for; <see cref="BarcodeFormats.None"/> means all.</summary>
    public BarcodeFormats Formats { get; init; } = BarcodeFormats.None;

    /// <summary>zxing-cpp's tryHarder: more time for more reads.</summary>
    public bool TryHarder { get; init; } = true;

    /// <summary>Also try the image rotated by 90, 180 and 270 degrees (linear codes).</summary>
    public bool TryRotate { get; init; } = true;

    /// <summary>Also try downscaled copies of large images.</summary>
    public bool TryDownscale { get; init; } = true;

    /// <summary>Stop after this many symbols (1..255).</summary>
    public int MaxSymbols { get; init; } = 8;

    /// <summary>
    /// When the whole image yields fewer than <see cref="MaxSymbols"/> codes, also decode crops centred on
    /// textured regions. zxing-cpp 1.4 only finds a Data Matrix crossed by the image's centre lines (its
    /// off-centre scan is disabled upstream); this finds one anywhere in a camera frame.
    /// </summary>
    public bool ScanRegions { get; init; } = true;

    internal void Validate()
    {
        if (MaxSymbols is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSymbols), MaxSymbols, "must be 1..255");
        }
    }
}
