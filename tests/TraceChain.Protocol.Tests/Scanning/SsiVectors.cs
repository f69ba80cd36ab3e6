using TraceChain.Protocol.Scanning;

namespace TraceChain.Protocol.Tests.Scanning;

/// <summary>Reads testdata/ssi/vectors.txt (hand-computed SSI frames).</summary>
internal static class SsiVectors
{
    public static TheoryData<string, SsiFrame, string> All()
    {
        var data = new TheoryData<string, SsiFrame, string>();
        foreach (var line in File.ReadLines(Path.Combine(FindTestData(), "ssi", "vectors.txt")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var c = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var frame = new SsiFrame(
                (SsiOpcode)Convert.ToByte(c[1], 16),
                (SsiSource)Convert.ToByte(c[2], 16),
                (SsiStatus)Convert.ToByte(c[3], 16),
                c[4] == "-" ? [] : Convert.FromHexString(c[4]));
            data.Add(c[0], frame, c[5]);
        }

        return data;
    }

    private static string FindTestData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "testdata");
            if (Directory.Exists(Path.Combine(candidate, "ssi")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("testdata/ssi not found above " + AppContext.BaseDirectory);
    }
}
