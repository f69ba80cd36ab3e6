using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using TraceGateway.Features.VerifyPhoto;
using TraceGateway.Imaging;
using TraceGateway.Security;
using TraceGateway.Web;

namespace TraceGateway.Endpoints;

/// <summary>
/// The consumer's photo check: <c>POST /verify/photo</c> (multipart/form-data, file field <c>photo</c>) answers with
/// the same verdict page as the Digital Link path, or a page saying what was wrong with the photo; JSON with
/// <c>Accept: application/json</c>. Anonymous and rate-limited like the other consumer checks.
/// </summary>
public static class ConsumerPhotoEndpoints
{
    public static IEndpointRouteBuilder MapConsumerPhotoEndpoints(this IEndpointRouteBuilder routes)
    {
        var settings = routes.ServiceProvider.GetRequiredService<IOptions<ConsumerPhotoSettings>>().Value;
        var group = routes.MapGroup("").WithTags("Consumer").AllowAnonymous().WithMetadata(new ConsumerEndpoint());
        group.MapPost("/verify/photo", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var (photo, length) = await ReadPhotoAsync(context.Request, settings, cancellationToken);
                var check = await mediator.Send(new VerifyPhotoQuery(photo, length), cancellationToken);
                return Answer(context, check, settings);
            })
            .WithMetadata(new BodySizeLimit(settings.MaxRequestBytes))
            .WithSummary("Check a pack from a photo of its code (multipart/form-data, file field 'photo')")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<PhotoCheck>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // The language switch of a photo result, or a bookmarked upload URL, leads back to the form.
        group.MapGet("/verify/photo", (HttpContext context) =>
            TypedResults.Redirect($"/verify?lang={Uri.EscapeDataString(ConsumerLanguage.Choose(context.Request))}"));
        return routes;
    }

    /// <summary>
    /// The uploaded file and its size; no file, not a form, or a malformed multipart body gives (null, 0); a body over
    /// the request limit gives an over-limit size.
    /// </summary>
    private static async Task<(Stream? Photo, long Length)> ReadPhotoAsync(HttpRequest request, ConsumerPhotoSettings settings, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, 0);
        }

        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = settings.MaxRequestBytes, ValueCountLimit = 16 }, cancellationToken);
            var file = form.Files.GetFile("photo") ?? form.Files.FirstOrDefault();
            return file is null ? (null, 0) : (file.OpenReadStream(), file.Length);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, settings.MaxRequestBytes + 1);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A broken multipart body (bad boundary, truncated: "unexpected end of stream", too many values): no photo
            // arrived, and nothing was too large.
            // The multipart length limit equals the request limit, so an oversized body ends above, at the door.
            return (null, 0);
        }
    }

    private static IResult Answer(HttpContext context, PhotoCheck check, ConsumerPhotoSettings settings)
    {
        var status = check.Outcome switch
        {
            PhotoCheck.Verified => StatusCodes.Status200OK,
            PhotoCheck.NoPhoto => StatusCodes.Status400BadRequest,
            PhotoCheck.ImageTooLarge => StatusCodes.Status413PayloadTooLarge,
            PhotoCheck.UnreadableImage => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var language = ConsumerLanguage.Choose(context.Request);
        context.Response.Headers.Vary = "Accept, Accept-Language";
        if (ConsumerLanguage.WantsJson(context.Request))
        {
            if (status == StatusCodes.Status200OK)
            {
                return TypedResults.Ok(check);
            }

            var problem = PhotoText.English.Problems[check.Outcome];
            return TypedResults.Problem(
                check.Detail,
                statusCode: status,
                title: string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, settings.MaxImageBytes >> 20),
                extensions: new Dictionary<string, object?> { ["outcome"] = check.Outcome, ["codesFound"] = check.CodesFound });
        }

        var text = ConsumerText.For(language);
        context.Response.Headers.ContentLanguage = text.Lang;
        var page = ConsumerPage.Render(text, check.Verdict, null, null, $"/verify?lang={Uri.EscapeDataString(text.SwitchLang)}", PhotoForm.Notice(text.Lang, check, settings.MaxImageBytes));
        return TypedResults.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
