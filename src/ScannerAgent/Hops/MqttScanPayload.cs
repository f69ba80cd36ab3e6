using System.Text;
using System.Text.Json;

namespace ScannerAgent.Hops;

/// <summary>
/// Reads the payload of <c>tracechain/{site}/scanners/{id}/scan</c>: the raw scan as UTF-8 (AIM prefix + data,
/// GS as 0x1D), or JSON <c>{"raw": "...", "ts": "...", "seq": n}</c> (<c>ts</c> and <c>seq</c> optional). Pure: bytes
/// in, text or a problem out.
/// </summary>
public static class MqttScanPayload
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// True when the payload names one scan by itself: JSON with the scanner's timestamp <c>ts</c> (string). The same
    /// such payload twice from one scanner is one scan sent twice (a publisher's QoS 1 resend after a lost PUBACK,
    /// which the broker forwards as a new message), not a second scan. A <c>seq</c> alone does not count: a scanner's
    /// counter starts again after a reboot, and a real new scan would be taken for a resend and lost.
    /// </summary>
    public static bool IdentifiesScan(ReadOnlySpan<byte> payload)
    {
        var start = payload.TrimStart(" \t\r\n"u8);
        if (start.IsEmpty || start[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(start);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return root.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String && ts.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

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
