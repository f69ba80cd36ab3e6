using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TraceGateway.Features.GetBatchLabels;

/// <summary>
/// Where the next page of a batch's labels starts: the last pack printed, how many labels came before the next page
/// and the batch's total (counted once, on the first page). Carrying position and total keeps numbering and the
/// sheet's "n-m of N" line exact without counting the batch again. Sent as an opaque base64url token
/// (<c>after=</c>); the ledger checks the pack belongs to the batch.
/// </summary>
/// <param name="Position">Labels before the next page.</param>
/// <param name="Total">Packs in the batch.</param>
/// <param name="After">Identifier of the last pack printed.</param>
public sealed record LabelCursor(int Position, int Total, string After)
{
    private const string Version = "1";

    /// <summary>The token for <c>after=</c>.</summary>
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}:{Position}:{Total}:{After}")));

    /// <summary>Reads a token made by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? token, out LabelCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > 400 || !Base64Url.IsValid(token))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }

        var parts = text.Split(':', 4);
        if (parts.Length != 4 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            || position < 1 || position > total || parts[3].Length == 0)
        {
            return false;
        }

        cursor = new LabelCursor(position, total, parts[3]);
        return true;
    }
}
