namespace TraceLedger.Tests.Support;

/// <summary>Finds files in the repository (testdata/) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string PathOf(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceChain.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("Repository root (TraceChain.sln) not found above " + AppContext.BaseDirectory);
    }
}
