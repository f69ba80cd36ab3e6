using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace TraceGateway.Imaging;

/// <summary>
/// A printable SVG sheet: a title line, then the labels in a grid of equal cells, each with a light dashed cut guide.
/// Each label is zint's own SVG (vector modules, quiet zone, human-readable text) nested at its cell, so the sheet
/// prints sharp at any scale.
/// </summary>
public static partial class LabelSheet
{
    private const int Margin = 24;
    private const int Gap = 16;
    private const int TitleHeight = 28;

    /// <summary>The sheet of <paramref name="labelSvgs"/> (SVG documents as the label writer makes them), <paramref name="columns"/> per row.</summary>
    public static string Compose(IReadOnlyList<string> labelSvgs, int columns, string title)
    {
        ArgumentNullException.ThrowIfNull(labelSvgs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var labels = labelSvgs.Select(Parse).ToList();
        var cellWidth = labels.Count == 0 ? 0 : labels.Max(l => l.Width) + Gap;
        var cellHeight = labels.Count == 0 ? 0 : labels.Max(l => l.Height) + Gap;
        var used = Math.Max(1, Math.Min(columns, labels.Count));
        var rows = (labels.Count + columns - 1) / columns;
        var width = Math.Max((2 * Margin) + (used * cellWidth), 480);
        var height = (2 * Margin) + TitleHeight + (rows * cellHeight);
        var svg = new StringBuilder(labelSvgs.Sum(s => s.Length) + 1024);
        svg.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" viewBox="0 0 {width} {height}">
            <rect x="0" y="0" width="{width}" height="{height}" fill="#FFFFFF"/>
            <text x="{Margin}" y="{Margin + 16}" font-family="sans-serif" font-size="14" fill="#000000">{SecurityElement.Escape(title)}</text>

            """);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = Margin + (i % columns * cellWidth);
            var y = Margin + TitleHeight + (i / columns * cellHeight);
            var label = labels[i];
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{cellWidth - (Gap / 2)}" height="{cellHeight - (Gap / 2)}" fill="none" stroke="#BBBBBB" stroke-width="0.5" stroke-dasharray="4 4"/>""");
            svg.Append('\n');
            var (dx, dy) = ((cellWidth - (Gap / 2) - label.Width) / 2, (cellHeight - (Gap / 2) - label.Height) / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<svg x=\"{x + dx}\" y=\"{y + dy}\" ").Append(label.Body).Append('\n');
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The root element's size and everything after "&lt;svg " of a label document, without its XML declaration.</summary>
    private static (int Width, int Height, string Body) Parse(string document)
    {
        var start = document.IndexOf("<svg ", StringComparison.Ordinal);
        var root = start < 0 ? null : RootSize().Match(document, start);
        if (root is not { Success: true })
        {
            throw new FormatException("a label SVG has no <svg width=… height=…> root element");
        }

        var width = int.Parse(root.Groups["w"].ValueSpan, CultureInfo.InvariantCulture);
        var height = int.Parse(root.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        return (width, height, document[(start + "<svg ".Length)..].TrimEnd());
    }

    [GeneratedRegex("\\G<svg [^>]*?width=\"(?<w>[0-9]+)\" height=\"(?<h>[0-9]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex RootSize();
}
