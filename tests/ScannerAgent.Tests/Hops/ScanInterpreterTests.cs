using ScannerAgent.Hops;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Gs1;

namespace ScannerAgent.Tests.Hops;

public sealed class ScanInterpreterTests
{
    private static readonly Gs1ParseOptions Options = Gs1ParseOptions.Default;

    [Fact]
    public void Gs1DataMatrix_GivesGtinSerialIdentifier_WithBatchAndExpiryAsRead()
    {
        var reading = ScanInterpreter.Read(TestCodes.Pack("ABC123"), Options);
        Assert.True(reading.IsValid, reading.Problem);
        Assert.Equal(TestCodes.PackId("ABC123"), reading.Identifier);
        Assert.Equal("LOT42", reading.Batch);
        Assert.Equal("271231", reading.Expiry);
        Assert.Equal(TestCodes.Pack("ABC123"), reading.RawScan);
    }

    [Fact]
    public void DigitalLink_GivesTheSameIdentifierAsTheElementString()
    {
        var reading = ScanInterpreter.Read($"]Q1https://id.example.com/01/{TestCodes.Gtin}/10/LOT42/21/ABC123?17=271231", Options);
        Assert.Equal(TestCodes.PackId("ABC123"), reading.Identifier);
        Assert.Equal("LOT42", reading.Batch);
        Assert.Equal("271231", reading.Expiry);
    }

    [Fact]
    public void ChinaCode_GivesCnIdentifier()
    {
        var reading = ScanInterpreter.Read("]C081234567890123456789", Options);
        Assert.True(reading.IsValid, reading.Problem);
        Assert.StartsWith("cn:", reading.Identifier, StringComparison.Ordinal);
        Assert.Equal(23, reading.Identifier!.Length);
    }

    [Fact]
    public void Sscc_GivesSsccIdentifier()
    {
        var sscc = TestCodes.Sscc(7);
        Assert.Equal("sscc:" + sscc, ScanInterpreter.Read("]C100" + sscc, Options).Identifier);
    }

    [Fact]
    public void GtinWithoutSerial_IsInvalid_AndSaysToScanThe2DCode()
    {
        var reading = ScanInterpreter.Read("]E0" + TestCodes.Gtin[1..], Options);
        Assert.False(reading.IsValid);
        Assert.Contains("serial", reading.Problem, StringComparison.Ordinal);
        Assert.Contains("2D code", reading.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void SwallowedGs_IsInvalid_WithScannerSetupAdvice()
    {
        var reading = ScanInterpreter.Read($"]d201{TestCodes.Gtin}10ABCDEFGHIJKLMNOP2112345678", Options);
        Assert.False(reading.IsValid);
        Assert.StartsWith("GS1:", reading.Problem, StringComparison.Ordinal);
        Assert.NotNull(reading.Advice);
        Assert.Contains("Fix:", reading.Advice, StringComparison.Ordinal);
    }
}
