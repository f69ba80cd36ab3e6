using MediatR;
using Microsoft.Extensions.Options;
using TraceChain.Imaging;
using TraceGateway.Features.VerifyForConsumer;
using TraceGateway.Imaging;

namespace TraceGateway.Features.VerifyPhoto;

/// <summary>
/// Checks the size before anything is decoded, decodes the photo (limits checked before pixels are inflated), picks
/// the pack code and asks the ledger for the consumer verdict, exactly as the Digital Link path does.
/// </summary>
public sealed class VerifyPhotoHandler(PhotoDecoder decoder, IMediator mediator, IOptions<DigitalLinkSettings> digitalLink) : IRequestHandler<VerifyPhotoQuery, PhotoCheck>
{
    public async Task<PhotoCheck> Handle(VerifyPhotoQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = decoder.Settings.MaxImageBytes;
        if (request.Length > limit)
        {
            return PhotoCheck.Failed(PhotoCheck.ImageTooLarge, $"the photo is {request.Length} bytes or more, over the limit of {limit} bytes");
        }

        if (request.Photo.IsEmpty)
        {
            return PhotoCheck.Failed(PhotoCheck.NoPhoto, "no photo was sent (multipart/form-data with a file field 'photo')");
        }

        IReadOnlyList<DecodedCode> codes;
        try
        {
            codes = await decoder.DecodeAsync(request.Photo, cancellationToken);
        }
        catch (ImagingException e) when (e.Kind is ImagingErrorKind.LimitExceeded or ImagingErrorKind.OutOfMemory)
        {
            return PhotoCheck.Failed(PhotoCheck.ImageTooLarge, e.Message);
        }
        catch (ImagingException e)
        {
            return PhotoCheck.Failed(PhotoCheck.UnreadableImage, e.Message);
        }

        if (codes.Count == 0)
        {
            return PhotoCheck.Failed(PhotoCheck.NoCode, "no barcode was found in the photo");
        }

        var choice = PackCodePicker.Pick(codes, digitalLink.Value.BaseUri);
        if (choice.Scan is null)
        {
            return PhotoCheck.Failed(PhotoCheck.NotAPackCode, $"none of the {codes.Count} code(s) identifies a pack: {choice.Problem}", codes.Count);
        }

        // The same use case as a scanned Digital Link or a typed code: one ledger call, one answer for unreadable codes.
        var verdict = await mediator.Send(new VerifyForConsumerQuery(null, choice.Scan), cancellationToken);
        return new PhotoCheck(PhotoCheck.Verified, verdict, choice.Shown, codes.Count, choice.Notes, choice.Website, verdict.Message);
    }
}
