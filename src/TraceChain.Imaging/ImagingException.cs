namespace TraceChain.Imaging;

/// <summary>An imaging call failed; <see cref="Kind"/> says why and the message names the problem.</summary>
public sealed class ImagingException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public ImagingException(ImagingErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates an <see cref="ImagingErrorKind.Internal"/> exception.</summary>
    public ImagingException()
        : this(ImagingErrorKind.Internal, "imaging call failed")
    {
    }

    /// <summary>Creates an <see cref="ImagingErrorKind.Internal"/> exception.</summary>
    public ImagingException(string message)
        : this(ImagingErrorKind.Internal, message)
    {
    }

    /// <summary>Creates an <see cref="ImagingErrorKind.Internal"/> exception wrapping another.</summary>
    public ImagingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ImagingErrorKind.Internal;
    }

    /// <summary>Why the call failed.</summary>
    public ImagingErrorKind Kind { get; }
}
