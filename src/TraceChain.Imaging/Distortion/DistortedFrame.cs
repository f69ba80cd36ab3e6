namespace TraceChain.Imaging.Distortion;

/// <summary>A camera frame with a label in it, and where the label's corners landed (top-left, top-right,
/// bottom-right, bottom-left of the label image, in frame pixels).</summary>
public sealed record DistortedFrame(GrayImage Frame, IReadOnlyList<(double X, double Y)> LabelCorners);
