namespace FirmwareSim.Camera;

/// <summary>What the simulated labels carry (<c>--symbology</c>).</summary>
public enum CameraSymbology
{
    /// <summary>GS1 Data Matrix (]d2) of the element string.</summary>
    DataMatrix,

    /// <summary>GS1 QR Code (]Q3) of the element string.</summary>
    Gs1Qr,

    /// <summary>QR Code (]Q1) of the pack's GS1 Digital Link URI.</summary>
    DigitalLink,
}
