namespace TraceChain.Imaging.Tests;

/// <summary>Builds test frames by pasting images into a uniform background.</summary>
internal static class Frames
{
    public static GrayImage Paste(int width, int height, byte background, params (GrayImage Image, int X, int Y)[] parts)
    {
        var frame = GrayImage.Filled(width, height, background);
        foreach (var (image, x, y) in parts)
        {
            for (var row = 0; row < image.Height; row++)
            {
                image.Pixels.AsSpan(row * image.Width, image.Width).CopyTo(frame.Pixels.AsSpan(((y + row) * width) + x));
            }
        }

        return frame;
    }
}
