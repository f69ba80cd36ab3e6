using System.Text;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Signing;

namespace TraceChain.Protocol.Tests.Checkpoints;

public sealed class SignedNoteTests
{
    private const string Text = "tracechain.example/log\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n";

    [Fact]
    public void Sign_ThenVerify_Succeeds_AndFormatParsesBack()
    {
        using var key = DeviceKeys.Create();
        var signer = new NoteSigner("tracechain.example/log", key);
        var note = signer.Sign(Text);
        var parsed = SignedNote.Parse(note.Format());
        Assert.Equal(Text, parsed.Text);
        Assert.Equal(note.Signatures, parsed.Signatures);
        Assert.True(signer.Verifier().Verify(parsed, out var reason), reason);
        Assert.StartsWith($"{Text}\n\u2014 tracechain.example/log ", note.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_IsKeyIdThenDerEcdsa()
    {
        using var key = DeviceKeys.Create();
        var signer = new NoteSigner("log", key);
        var line = signer.Sign(Text).Signatures[0];
        Assert.Equal(NoteKeys.KeyId(key.ExportSubjectPublicKeyInfo()), line.KeyId);
        Assert.Equal(0x30, line.Signature[0]); // ASN.1 SEQUENCE
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(Text), line.Signature, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Verify_UnknownSignaturesIgnored_KnownOneSuffices()
    {
        using var log = DeviceKeys.Create();
        using var witness = DeviceKeys.Create();
        var logNote = new NoteSigner("log", log).Sign(Text);
        var witnessLine = new NoteSigner("witness", witness).Sign(Text).Signatures[0];
        var both = logNote with { Signatures = [witnessLine, .. logNote.Signatures] };
        Assert.True(new NoteSigner("log", log).Verifier().Verify(SignedNote.Parse(both.Format()), out _));
    }

    [Fact]
    public void Verify_NoSignatureFromTrustedKey_Fails()
    {
        using var log = DeviceKeys.Create();
        using var impostor = DeviceKeys.Create();
        var note = new NoteSigner("log", impostor).Sign(Text);
        Assert.False(new NoteSigner("log", log).Verifier().Verify(note, out var reason));
        Assert.StartsWith("no signature by log", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TrustedKeyLineThatFails_RejectsEvenWithAValidOne()
    {
        using var log = DeviceKeys.Create();
        var signer = new NoteSigner("log", log);
        var good = signer.Sign(Text).Signatures[0];
        var bad = good with { Signature = signer.Sign("other\n").Signatures[0].Signature };
        Assert.False(signer.Verifier().Verify(new SignedNote(Text, [good, bad]), out var reason));
        Assert.Contains("does not verify", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_GarbageSignatureBytes_FailsWithoutThrowing()
    {
        using var log = DeviceKeys.Create();
        var signer = new NoteSigner("log", log);
        var note = new SignedNote(Text, [new NoteSignature("log", signer.KeyId, [1, 2, 3])]);
        Assert.False(signer.Verifier().Verify(note, out _));
    }

    [Theory]
    [InlineData("text\n\u2014 log AAAAAAA=\n", "no blank line")]
    [InlineData("text\n\n", "must end with signature lines")]
    [InlineData("text\n\n\u2014 log AAAAAAA=", "must end with signature lines")]
    [InlineData("text\n\n- log AAAAAAA=\n", "must start with an em dash")]
    [InlineData("text\n\n\u2014 logAAAAAAA=\n", "must be '\u2014 <key name> <base64 signature>'")]
    [InlineData("text\n\n\u2014 lo+g AAAAAAA=\n", "without spaces or '+'")]
    [InlineData("text\n\n\u2014 log !!!!\n", "not standard base64")]
    [InlineData("text\n\n\u2014 log AAAAAA==\n", "at least one signature byte")]
    [InlineData("te\txt\n\n\u2014 log AAAAAAA=\n", "control character U+0009")]
    [InlineData("te\rxt\n\n\u2014 log AAAAAAA=\n", "control character U+000D")]
    public void Parse_Malformed_NamesProblem(string note, string problem)
    {
        Assert.Contains(problem, Assert.Throws<FormatException>(() => SignedNote.Parse(note)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRejected()
    {
        Assert.Contains("not valid UTF-8", Assert.Throws<FormatException>(() => SignedNote.Parse([0x61, 0xff, 0x0a])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManySignatures_IsRejected()
    {
        var lines = string.Concat(Enumerable.Repeat("\u2014 log AAAAAAA=\n", SignedNote.MaxSignatures + 1));
        Assert.Contains("more than", Assert.Throws<FormatException>(() => SignedNote.Parse("t\n\n" + lines)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextWithBlankLines_SplitsAtLastBlankLine()
    {
        var note = SignedNote.Parse("a\n\nb\n\n\u2014 log AAAAAAA=\n");
        Assert.Equal("a\n\nb\n", note.Text);
    }

    [Theory]
    [InlineData("log", "ffffffff", "does not match the key")]
    [InlineData("log", "xyz", "must be 8 hex digits")]
    [InlineData("lo g", "00000000", "'<name>+<8 hex digit key id>+<base64 key>'")]
    public void NoteVerifierParse_BadKey_NamesProblem(string name, string keyId, string problem)
    {
        using var key = DeviceKeys.Create();
        var material = new NoteSigner("log", key).VerifierKey.Split('+', 3)[2];
        var error = Assert.Throws<FormatException>(() => NoteVerifier.Parse($"{name}+{keyId}+{material}"));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoteVerifierParse_Ed25519Type_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => NoteVerifier.Parse("log+00000000+" + Convert.ToBase64String([0x01, .. new byte[32]])));
        Assert.Contains("must be 0x02 (ECDSA), not 0x01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoteSigner_TextWithoutFinalNewline_IsRejected()
    {
        using var key = DeviceKeys.Create();
        Assert.Throws<ArgumentException>(() => new NoteSigner("log", key).Sign("no newline"));
        Assert.Throws<ArgumentException>(() => new NoteSigner("bad name", key));
    }
}
