using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TraceChain.Bench;

/// <summary>
/// Finds where one HTTP/1.1 response ends in the bytes received so far: the status line, the headers up to the blank
/// line, then a <c>Content-Length</c> body or a chunked one (no trailers). Pure: bytes in, numbers out.
/// </summary>
public static class HttpResponseFraming
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    /// <summary>
    /// True when <paramref name="data"/> holds a whole response: its status code and length in bytes; false when more
    /// bytes are needed. Throws <see cref="InvalidDataException"/> naming what is wrong with a malformed response.
    /// </summary>
    public static bool TryFrame(ReadOnlySpan<byte> data, out int status, out int length)
    {
        status = 0;
        length = 0;
        var headerEnd = data.IndexOf(HeaderEnd);
        if (headerEnd < 0)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(data[..headerEnd]);
        var lines = head.Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out status) || status is < 100 or > 599)
        {
            throw new InvalidDataException($"not an HTTP/1.x status line: '{lines[0]}'");
        }

        var bodyStart = headerEnd + HeaderEnd.Length;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var contentLength))
                {
                    throw new InvalidDataException($"Content-Length '{value}' is not a length");
                }

                length = bodyStart + contentLength;
                return data.Length >= length;
            }

            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Equals("chunked", StringComparison.OrdinalIgnoreCase))
            {
                return TryFrameChunks(data, bodyStart, out length);
            }
        }

        if (status is 204 or 304 || status < 200)
        {
            length = bodyStart;
            return true;
        }

        throw new InvalidDataException($"status {status} without Content-Length or chunked body: its end cannot be told on a kept-alive connection");
    }

    private static bool TryFrameChunks(ReadOnlySpan<byte> data, int position, out int length)
    {
        length = 0;
        while (true)
        {
            var sizeEnd = data[position..].IndexOf(LineEnd);
            if (sizeEnd < 0)
            {
                return false;
            }

            var sizeText = data.Slice(position, sizeEnd);
            var extension = sizeText.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(extension < 0 ? sizeText : sizeText[..extension], out long size, out var consumed, 'x') || consumed != (extension < 0 ? sizeText.Length : extension))
            {
                throw new InvalidDataException($"chunk size '{Encoding.ASCII.GetString(sizeText)}' is not hexadecimal");
            }

            position += sizeEnd + LineEnd.Length;
            if (size == 0)
            {
                // No trailers: the last chunk is followed by the blank line.
                length = position + LineEnd.Length;
                return data.Length >= length;
            }

            if (data.Length < position + size + LineEnd.Length)
            {
                return false;
            }

            position += (int)size;
            if (!data.Slice(position, LineEnd.Length).SequenceEqual(LineEnd))
            {
                throw new InvalidDataException("a chunk's data is not followed by CRLF");
            }

            position += LineEnd.Length;
        }
    }
}
