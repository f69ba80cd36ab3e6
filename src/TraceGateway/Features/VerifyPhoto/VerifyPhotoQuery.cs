using MediatR;

namespace TraceGateway.Features.VerifyPhoto;

/// <summary>
/// A consumer's photo of a pack: find the pack code in it and answer with the consumer verdict.
/// </summary>
/// <param name="Photo">The uploaded file (PNG or JPEG); empty when none was sent or it was cut off at the size limit.</param>
/// <param name="Length">Its size in bytes (over the limit when the upload was cut off there).</param>
public sealed record VerifyPhotoQuery(ReadOnlyMemory<byte> Photo, long Length) : IRequest<PhotoCheck>;
