namespace TraceChain.Imaging.Tests;

/// <summary>Finds files under the repository's testdata/ folder.</summary>
internal static class TestData
{
    public static byte[] Read(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "testdata")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new DirectoryNotFoundException("no testdata/ folder above " + AppContext.BaseDirectory);
        }

        return File.ReadAllBytes(Path.Combine([dir.FullName, "testdata", .. parts]));
    }
}
