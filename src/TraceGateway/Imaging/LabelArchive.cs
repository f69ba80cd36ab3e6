using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace TraceGateway.Imaging;

/// <summary>
/// A zip of one PNG per pack plus <c>labels.csv</c>, the form variable-data print software (label printers, digital
/// presses) merges: one record per label with its image file, GTIN, batch, expiry, serial and the encoded data.
/// </summary>
public static class LabelArchive
{
    public const string ManifestName = "labels.csv";

    /// <summary>The zip; <paramref name="firstPosition"/> is the 1-based position of the first label in the batch.</summary>
    public static byte[] Create(IReadOnlyList<(PackLabel Label, byte[] Png)> labels, string gtin, string lot, string expiry, int firstPosition)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new StringBuilder("file,position,gtin,batch,expiry,serial,code\r\n");
            for (var i = 0; i < labels.Count; i++)
            {
                var (label, png) = labels[i];
                var position = firstPosition + i;
                var name = string.Create(CultureInfo.InvariantCulture, $"{position:D7}-{FileNamePart(label.Serial)}.png");

                // PNG is already deflated: storing it again compressed only costs time.
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                using (var stream = entry.Open())
                {
                    stream.Write(png);
                }

                var isChina = label.Identifier.StartsWith("cn:", StringComparison.Ordinal);
                manifest.AppendJoin(',', new[] { name, position.ToString(CultureInfo.InvariantCulture), isChina ? "" : gtin, lot, expiry, label.Serial, label.Code }.Select(Csv));
                manifest.Append("\r\n");
            }

            var csv = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
            using var writer = new StreamWriter(csv.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(manifest.ToString());
        }

        return buffer.ToArray();
    }

    /// <summary>A serial or lot as a file name part: GS1 CSET 82 allows '/', '"', '*' and others that file systems do not.</summary>
    public static string FileNamePart(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    /// <summary>RFC 4180 field, exactly the value (print software must get the data unchanged).</summary>
    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
