using System.Text.Json;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Merkle;

/// <summary>testdata/merkle/rfc6962-reference-tree.json, loaded once.</summary>
internal static class ReferenceTreeVectors
{
    private static readonly Lazy<JsonElement> Document = new(() =>
        JsonDocument.Parse(RepoFiles.Bytes("testdata", "merkle", "rfc6962-reference-tree.json")).RootElement.Clone());

    public static IReadOnlyList<byte[]> Leaves => Hexes(Document.Value.GetProperty("leaves"));

    public static IReadOnlyList<byte[]> RootsBySize => Hexes(Document.Value.GetProperty("rootsBySize"));

    public static byte[] EmptyRoot => Convert.FromHexString(Document.Value.GetProperty("emptyRoot").GetString()!);

    public static IEnumerable<(long Index, long Size, IReadOnlyList<byte[]> Proof)> Inclusion(bool mustFail = false) =>
        Section(mustFail, "inclusion").Select(e => (e.GetProperty("index").GetInt64(), e.GetProperty("treeSize").GetInt64(), Hexes(e.GetProperty("proof"))));

    public static IEnumerable<(long Size1, long Size2, IReadOnlyList<byte[]> Proof)> Consistency(bool mustFail = false) =>
        Section(mustFail, "consistency").Select(e => (e.GetProperty("size1").GetInt64(), e.GetProperty("size2").GetInt64(), Hexes(e.GetProperty("proof"))));

    private static IEnumerable<JsonElement> Section(bool mustFail, string name) =>
        (mustFail ? Document.Value.GetProperty("mustFail") : Document.Value).GetProperty(name).EnumerateArray();

    private static IReadOnlyList<byte[]> Hexes(JsonElement array) => [.. array.EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!))];
}
