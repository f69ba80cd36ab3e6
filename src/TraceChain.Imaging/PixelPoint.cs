namespace TraceChain.Imaging;

/// <summary>A pixel position in an image, x to the right and y down.</summary>
public readonly record struct PixelPoint(int X, int Y);
