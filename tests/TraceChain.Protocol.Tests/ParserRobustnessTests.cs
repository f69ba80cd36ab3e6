using System.Text;
using FsCheck;
using FsCheck.Xunit;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Json;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests;

/// <summary>Bad input gets a FormatException that names the problem, never another exception.</summary>
public sealed class ParserRobustnessTests
{
    private static readonly Lazy<byte[]> ValidEntry = new(() =>
    {
        using var key = DeviceKeys.Create();
        return SignedHop.Create(SampleHops.Packing(), key).ToEntryBytes();
    });

    private static readonly Lazy<byte[]> ValidNote = new(() =>
    {
        using var key = DeviceKeys.Create();
        return Encoding.UTF8.GetBytes(new NoteSigner("log", key).Sign(new Checkpoint("log", 3, new byte[32]).ToNoteText()).Format());
    });

    [Property(MaxTest = 300)]
    public void Parsers_RandomBytes_ThrowOnlyFormatException(byte[] input)
    {
        AllParsers(input);
    }

    [Property(MaxTest = 500)]
    public void Parsers_MutatedValidEntry_ParseOrThrowFormatException(NonNegativeInt position, byte value)
    {
        var mutated = ValidEntry.Value.ToArray();
        mutated[position.Get % mutated.Length] = value;
        AllParsers(mutated);
    }

    [Property(MaxTest = 300)]
    public void SignedNote_MutatedValidNote_ParsesOrThrowsFormatException(NonNegativeInt position, byte value)
    {
        var mutated = ValidNote.Value.ToArray();
        mutated[position.Get % mutated.Length] = value;
        AllParsers(mutated);
    }

    [Theory]
    [InlineData("{\"\\ud800\":1}")]
    [InlineData("{\"hop\":{\"deviceId\":\"\\udc00\"},\"keyId\":\"0011223344556677\",\"signature\":\"x\"}")]
    [InlineData("{\"checkpoint\":\"\\ud800\",\"entry\":\"\",\"inclusionProof\":[],\"leafIndex\":0}")]
    public void Parsers_EscapedLoneSurrogates_ThrowFormatException(string json)
    {
        AllParsers(Encoding.UTF8.GetBytes(json));
    }

    private static void AllParsers(byte[] input)
    {
        Accept(() => HopJson.Parse(input));
        Accept(() => SignedHop.Parse(input));
        Accept(() => ProofBundle.Parse(input));
        Accept(() => CanonicalJson.Canonicalize(input));
        Accept(() => SignedNote.Parse(input));
        Accept(() => Checkpoint.Parse(Encoding.UTF8.GetString(input)));
    }

    private static void Accept(Func<object> parse)
    {
        try
        {
            parse();
        }
        catch (FormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
