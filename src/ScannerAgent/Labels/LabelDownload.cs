namespace ScannerAgent.Labels;

/// <summary>What a label download wrote.</summary>
/// <param name="Files">Files written (sheets, PNGs, the manifest), in order.</param>
/// <param name="Labels">Labels written.</param>
/// <param name="Total">Packs in the batch.</param>
/// <param name="Pages">Pages fetched.</param>
/// <param name="Next">The cursor to continue from when the download stopped before the batch's end, else null.</param>
public sealed record LabelDownload(IReadOnlyList<string> Files, int Labels, int Total, int Pages, string? Next);
