using TraceChain.Protocol.Hops;

namespace TraceChain.Protocol.Tests.Hops;

public sealed class CbvVocabularyTests
{
    [Fact]
    public void EveryBizStep_HasACbvNameThatParsesBack()
    {
        Assert.Equal(Enum.GetValues<BizStep>().Length, CbvVocabulary.BizSteps.Count);
        foreach (var step in Enum.GetValues<BizStep>())
        {
            Assert.True(CbvVocabulary.TryParseBizStep(CbvVocabulary.ToWire(step), out var parsed));
            Assert.Equal(step, parsed);
        }
    }

    [Fact]
    public void EveryDisposition_HasACbvNameThatParsesBack()
    {
        Assert.Equal(Enum.GetValues<Disposition>().Length, CbvVocabulary.Dispositions.Count);
        foreach (var disposition in Enum.GetValues<Disposition>())
        {
            Assert.True(CbvVocabulary.TryParseDisposition(CbvVocabulary.ToWire(disposition), out var parsed));
            Assert.Equal(disposition, parsed);
        }
    }

    [Theory]
    [InlineData(BizStep.VoidShipping, "void_shipping")]
    [InlineData(BizStep.Decommissioning, "decommissioning")]
    public void ToWire_BizStep_UsesCbvBareName(BizStep step, string name) => Assert.Equal(name, CbvVocabulary.ToWire(step));

    [Theory]
    [InlineData(Disposition.InTransit, "in_transit")]
    [InlineData(Disposition.SellableNotAccessible, "sellable_not_accessible")]
    public void ToWire_Disposition_UsesCbvBareName(Disposition disposition, string name) => Assert.Equal(name, CbvVocabulary.ToWire(disposition));

    [Theory]
    [InlineData("Shipping")]
    [InlineData("urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseBizStep_NonCanonical_Fails(string? name) => Assert.False(CbvVocabulary.TryParseBizStep(name, out _));
}
