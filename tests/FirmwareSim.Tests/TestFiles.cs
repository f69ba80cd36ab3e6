namespace FirmwareSim.Tests;

/// <summary>Finds testdata/ and makes private directories for pty links.</summary>
internal static class TestFiles
{
    public static string Scenario(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "testdata", "firmware-sim", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("testdata/firmware-sim/" + name + " not found above " + AppContext.BaseDirectory);
    }

    public static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "tc-sim-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
