namespace TraceChain.Bench;

/// <summary>What every benchmark gets: the mode, the repository root and a scratch folder it may fill.</summary>
public sealed record BenchContext(bool Quick, string RepositoryRoot, string ScratchDirectory)
{
    /// <summary>Picks the full or the quick size.</summary>
    public int Size(int full, int quick) => Quick ? quick : full;
}
