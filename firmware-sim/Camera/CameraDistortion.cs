namespace FirmwareSim.Camera;

/// <summary>How much a simulated camera distorts each frame (<c>--distortion</c>).</summary>
public enum CameraDistortion
{
    /// <summary>Upright, sharp, clean, full contrast: the label as printed, centred.</summary>
    None,

    /// <summary>A fixed counter camera: small tilt and rotation, light blur and noise, good contrast.</summary>
    Mild,

    /// <summary>A handheld camera: any rotation, perspective, blur, noise and low contrast (<c>DistortionSettings.Sample</c>).</summary>
    Camera,
}
