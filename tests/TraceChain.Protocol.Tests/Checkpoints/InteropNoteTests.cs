using System.Text;
using System.Text.Json;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Checkpoints;

/// <summary>Real type 0x02 notes from other implementations (testdata/checkpoints/c2sp-ecdsa-notes.json).</summary>
public sealed class InteropNoteTests
{
    public static TheoryData<string, string, string, long> Vectors()
    {
        var data = new TheoryData<string, string, string, long>();
        using var document = JsonDocument.Parse(RepoFiles.Bytes("testdata", "checkpoints", "c2sp-ecdsa-notes.json"));
        foreach (var v in document.RootElement.GetProperty("notes").EnumerateArray())
        {
            data.Add(v.GetProperty("verifierKey").GetString()!, v.GetProperty("note").GetString()!, v.GetProperty("origin").GetString()!, v.GetProperty("treeSize").GetInt64());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PublishedNote_VerifiesAndParsesAsCheckpoint(string verifierKey, string note, string origin, long treeSize)
    {
        var verifier = NoteVerifier.Parse(verifierKey);
        var signed = SignedNote.Parse(Encoding.UTF8.GetBytes(note));
        Assert.True(verifier.Verify(signed, out var reason), reason);
        var checkpoint = Checkpoint.Parse(signed.Text);
        Assert.Equal(origin, checkpoint.Origin);
        Assert.Equal(treeSize, checkpoint.TreeSize);
        Assert.Equal(note, signed.Format());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PublishedNote_ChangedTreeSize_FailsVerification(string verifierKey, string note, string origin, long treeSize)
    {
        var tampered = note.Replace($"\n{treeSize}\n", $"\n{treeSize + 1}\n", StringComparison.Ordinal);
        Assert.False(NoteVerifier.Parse(verifierKey).Verify(SignedNote.Parse(tampered), out var reason));
        Assert.Contains("does not verify", reason, StringComparison.Ordinal);
        Assert.NotEmpty(origin);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PublishedKey_KeyIdIsTruncatedSha256OfSpki(string verifierKey, string note, string origin, long treeSize)
    {
        var parts = verifierKey.Split('+', 3);
        var spki = Convert.FromBase64String(parts[2])[1..];
        Assert.Equal(parts[1], NoteKeys.KeyId(spki).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(verifierKey, NoteKeys.VerifierKey(parts[0], spki));
        Assert.True(note.Length > 0 && origin.Length > 0 && treeSize > 0);
    }
}
