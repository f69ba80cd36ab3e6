using System.Globalization;

namespace FirmwareSim.Camera;

/// <summary>The packs a camera simulation shows: generated, or read from a file.</summary>
public static class CameraPacks
{
    /// <summary>The GTIN of generated packs (a valid GS1 example GTIN).</summary>
    public const string Gtin = "09506000134352";

    /// <summary>Pack <paramref name="n"/> of a generated set: GTIN, expiry, batch and serial <c>{prefix}{n:D6}</c>.</summary>
    public static string Generated(string prefix, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"(01){Gtin}(17)271231(10)LOT42(21){prefix}{n:D6}");

    /// <summary><paramref name="count"/> generated packs, numbered from 1.</summary>
    public static IReadOnlyList<string> Generate(int count, string prefix) =>
        [.. Enumerable.Range(1, Math.Max(0, count)).Select(n => Generated(prefix, n))];

    /// <summary>Element strings from a file, one per line ('#' comments and blank lines skipped).</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
