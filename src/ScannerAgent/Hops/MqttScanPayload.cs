using System.Text;
using System.Text.Json;

namespace ScannerAgent.Hops;

/// <summary>
/// Reads the payload of <c>tracechain/{site}/scanners/{id}/scan</c>: the raw scan as UTF-8 (AIM prefix + data,
/// GS as 0x1D), or JSON <c>{"raw": "..."}</c>. Pure: bytes in, text or a problem out.
/// </summary>
public static class MqttScanPayload
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The scan text, or a problem naming what is wrong with the payload.</summary>
    public static (string? Scan, string? Problem) Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return (null, "empty payload");
        }

        string text;
        try
        {
            text = Strict.GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return (null, "payload is not valid UTF-8");
        }

        if (!text.TrimStart().StartsWith('{'))
        {
            return (text, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("raw", out var raw) && raw.ValueKind == JsonValueKind.String && raw.GetString() is { Length: > 0 } scan)
            {
                return (scan, null);
            }

            return (null, "JSON payload has no non-empty string property \"raw\"");
        }
        catch (JsonException e)
        {
            return (null, $"payload starts with '{{' but is not valid JSON: {e.Message}");
        }
    }
}
