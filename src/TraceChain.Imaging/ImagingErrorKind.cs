namespace TraceChain.Imaging;

/// <summary>Why an imaging call failed.</summary>
public enum ImagingErrorKind
{
    /// <summary>A bad argument (size, option, null data).</summary>
    InvalidArgument,

    /// <summary>The image is larger than <see cref="ImagingLimits"/> allow; refused before any decoding.</summary>
    LimitExceeded,

    /// <summary>Not a PNG or JPEG, or a malformed or truncated one.</summary>
    MalformedImage,

    /// <summary>zint refused the label data (invalid GS1 element string, too long, ...).</summary>
    EncodingRefused,

    /// <summary>The native side ran out of memory.</summary>
    OutOfMemory,

    /// <summary>An unexpected failure inside zxing-cpp, zint or the shim.</summary>
    Internal,
}
