using System.Buffers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace TraceGateway.Imaging;

/// <summary>
/// The photo of a <c>multipart/form-data</c> upload, read straight from the request body: the first file part (the
/// page's field is <c>photo</c>), buffered only up to the size limit. A photo over the limit stops the reading there,
/// so an oversized upload is never received whole.
/// </summary>
/// <param name="Photo">The photo's bytes; empty when none arrived or it was over the limit.</param>
/// <param name="Length">Its size; over the limit (limit + 1) when it was cut off there.</param>
public sealed record PhotoUpload(ReadOnlyMemory<byte> Photo, long Length)
{
    // Form fields besides the file: a few small values at most.
    private const int MaxSections = 16;
    private const int MaxFieldBytes = 16 * 1024;

    private static PhotoUpload None { get; } = new(ReadOnlyMemory<byte>.Empty, 0);

    /// <summary>Reads the upload; a request that is not multipart, has no file, or is malformed gives no photo.</summary>
    public static async Task<PhotoUpload> ReadAsync(HttpRequest request, long maxImageBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return None;
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
            for (var sections = 0; sections < MaxSections && await reader.ReadNextSectionAsync(cancellationToken) is { } section; sections++)
            {
                var isFile = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition();
                var (bytes, length) = await ReadBoundedAsync(section.Body, isFile ? maxImageBytes : MaxFieldBytes, cancellationToken);
                if (isFile)
                {
                    return new PhotoUpload(bytes, length);
                }

                if (length > MaxFieldBytes)
                {
                    return None;
                }
            }

            return None;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new PhotoUpload(ReadOnlyMemory<byte>.Empty, maxImageBytes + 1);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A broken multipart body (bad boundary, truncated: "unexpected end of stream"): no photo arrived.
            return None;
        }
    }

    /// <summary>Up to <paramref name="limit"/> bytes of <paramref name="body"/>; stops at limit + 1, which means "over".</summary>
    private static async Task<(ReadOnlyMemory<byte> Bytes, long Length)> ReadBoundedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            // Grows by doubling but never past the limit, so the buffer of a photo at the limit is the limit.
            var buffer = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (ReadOnlyMemory<byte>.Empty, limit + 1);
                }

                if (buffer.Length + read > buffer.Capacity)
                {
                    buffer.Capacity = (int)Math.Min(Math.Min(limit, Array.MaxLength), Math.Max(buffer.Length + read, Math.Max(4096, 2L * buffer.Capacity)));
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), buffer.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
