namespace TraceChain.Imaging.Labels;

/// <summary>The 2D symbologies labels are made in.</summary>
public enum LabelSymbology
{
    /// <summary>Data Matrix ECC 200, square sizes.</summary>
    DataMatrix,

    /// <summary>QR Code (model 2).</summary>
    QrCode,
}
