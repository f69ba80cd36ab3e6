using MediatR;
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
        group.MapPost("/verify/photo", async (HttpContext context, IMediator mediator, PhotoUploadSlots slots, CancellationToken cancellationToken) =>
            {
                // A place is taken before the body is read, so waiting uploads hold no photo in memory.
                using var slot = await slots.TryEnterAsync(cancellationToken);
                if (slot is null)
                {
                    context.Response.Headers.RetryAfter = "5";
                    return Answer(context, PhotoCheck.Failed(PhotoCheck.Busy, $"all {settings.MaxConcurrentUploads} places for photo uploads are taken; try again shortly"), settings);
                }

                var upload = await PhotoUpload.ReadAsync(context.Request, settings.MaxImageBytes, cancellationToken);
                var check = await mediator.Send(new VerifyPhotoQuery(upload.Photo, upload.Length), cancellationToken);
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
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // The language switch of a photo result, or a bookmarked upload URL, leads back to the form.
        group.MapGet("/verify/photo", (HttpContext context) =>
            TypedResults.Redirect($"/verify?lang={Uri.EscapeDataString(ConsumerLanguage.Choose(context.Request))}"));
        return routes;
    }

    private static IResult Answer(HttpContext context, PhotoCheck check, ConsumerPhotoSettings settings)
    {
        var status = check.Outcome switch
        {
            PhotoCheck.Verified => StatusCodes.Status200OK,
            PhotoCheck.NoPhoto => StatusCodes.Status400BadRequest,
            PhotoCheck.ImageTooLarge => StatusCodes.Status413PayloadTooLarge,
            PhotoCheck.UnreadableImage => StatusCodes.Status415UnsupportedMediaType,
            PhotoCheck.Busy => StatusCodes.Status503ServiceUnavailable,
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
