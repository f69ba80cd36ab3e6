using System.Text;

namespace TraceChain.Protocol.Tests.Gs1;

/// <summary>Reads testdata/gs1/corpus.tsv: one scan per line with the result it must give.</summary>
internal static class Gs1Corpus
{
    private static readonly Lazy<IReadOnlyDictionary<int, Case>> Cases = new(Load);

    public static IReadOnlyDictionary<int, Case> All => Cases.Value;

    public static string FindTestData(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "testdata", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"testdata/{relative} not found above {AppContext.BaseDirectory}");
    }

    public static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                builder.Append(text[i]);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'x':
                    builder.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                default:
                    builder.Append(next);
                    break;
            }
        }

        return builder.ToString();
    }

    private static Dictionary<int, Case> Load()
    {
        var cases = new Dictionary<int, Case>();
        var lines = File.ReadAllLines(FindTestData("gs1/corpus.tsv"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            cases[i + 1] = new Case(Unescape(fields[0]), fields[1] == "ok", fields[2], fields[3], fields[4]);
        }

        return cases;
    }

    internal sealed record Case(string Input, bool Valid, string Result, string Identifier, string Note);
}
