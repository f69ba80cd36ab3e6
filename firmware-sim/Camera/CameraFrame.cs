using TraceChain.Imaging;

namespace FirmwareSim.Camera;

/// <summary>One simulated camera frame and the packs shown in it.</summary>
/// <param name="Index">Frame number from 0.</param>
/// <param name="Image">The frame.</param>
/// <param name="Packs">The packs' element strings, in grid order.</param>
public sealed record CameraFrame(int Index, GrayImage Image, IReadOnlyList<string> Packs);
