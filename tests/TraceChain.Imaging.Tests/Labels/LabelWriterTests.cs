using System.Xml.Linq;
using TraceChain.Imaging.Labels;

namespace TraceChain.Imaging.Tests.Labels;

public sealed class LabelWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void WriteSvg_Gs1DataMatrix_IsWellFormedXmlWithOneTextLinePerElement()
    {
        var svg = new LabelWriter().WriteSvg(Label.Gs1DataMatrix("(01)09506000134352(17)261231(10)AB-1(21)SN42"));

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        var lines = root.Elements(Svg + "text").Select(t => t.Value).ToArray();
        Assert.Equal(["(01)09506000134352", "(17)261231", "(10)AB-1", "(21)SN42"], lines);
        Assert.NotEmpty(root.Element(Svg + "path")!.Attribute("d")!.Value);
    }

    [Fact]
    public void WriteSvg_TextWithXmlSpecialCharacters_IsEscaped()
    {
        const string text = "a<b & \"c\" > 'd'";
        var svg = new LabelWriter().WriteSvg(Label.QrCode(text));

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(text, Assert.Single(root.Elements(Svg + "text")).Value);
    }

    [Fact]
    public void WriteSvg_ModuleSizeScalesTheDocument()
    {
        var label = Label.Gs1DataMatrix("(01)09506000134352(21)SCALE");
        var small = XDocument.Parse(new LabelWriter(new LabelOptions { ModulePixels = 2, ShowHumanReadable = false }).WriteSvg(label)).Root!;
        var large = XDocument.Parse(new LabelWriter(new LabelOptions { ModulePixels = 6, ShowHumanReadable = false }).WriteSvg(label)).Root!;

        Assert.Equal(3 * (int)small.Attribute("width")!, (int)large.Attribute("width")!);
        Assert.Empty(small.Elements(Svg + "text"));
    }

    [Fact]
    public void WriteGray_ModulePixels_ScalesExactlyAndKeepsTheQuietZoneWhite()
    {
        var label = Label.Gs1DataMatrix("(01)09506000134352(21)QUIET");
        var one = new LabelWriter(new LabelOptions { ModulePixels = 1, QuietZoneModules = 3, ShowHumanReadable = false }).WriteGray(label);
        var four = new LabelWriter(new LabelOptions { ModulePixels = 4, QuietZoneModules = 3, ShowHumanReadable = false }).WriteGray(label);

        Assert.Equal(4 * one.Width, four.Width);
        Assert.Equal(4 * one.Height, four.Height);
        for (var i = 0; i < four.Width; i++)
        {
            for (var q = 0; q < 3 * 4; q++)
            {
                Assert.Equal(255, four[i, q]);
                Assert.Equal(255, four[i, four.Height - 1 - q]);
                Assert.Equal(255, four[q, Math.Min(i, four.Height - 1)]);
            }
        }

        // Data Matrix's finder pattern: solid left column just inside the quiet zone.
        Assert.All(Enumerable.Range(3, one.Height - 6), y => Assert.Equal(0, one[3, y]));
    }

    [Fact]
    public void WriteGray_HumanReadable_AddsInkBelowTheSymbol()
    {
        var label = Label.Gs1DataMatrix("(01)09506000134352(21)TEXT");
        var bare = new LabelWriter(new LabelOptions { ShowHumanReadable = false }).WriteGray(label);
        var text = new LabelWriter().WriteGray(label);

        Assert.True(text.Height > bare.Height);
        var inkBelow = 0;
        for (var y = bare.Height; y < text.Height; y++)
        {
            for (var x = 0; x < text.Width; x++)
            {
                inkBelow += text[x, y] == 0 ? 1 : 0;
            }
        }

        Assert.True(inkBelow > 100, $"only {inkBelow} dark pixels under the symbol");
    }

    [Fact]
    public void WritePng_StartsWithPngSignature()
    {
        var png = new LabelWriter().WritePng(Label.DigitalLinkQrCode("https://id.example.com/01/09506000134352"));
        Assert.Equal(Png.Signature, png[..8]);
    }

    [Fact]
    public void WritePng_GtinWithWrongCheckDigit_RefusedByZintWithReason()
    {
        var ex = Assert.Throws<ImagingException>(() => new LabelWriter().WritePng(Label.Gs1DataMatrix("(01)09506000134353(21)X")));

        Assert.Equal(ImagingErrorKind.EncodingRefused, ex.Kind);
        Assert.Contains("AI (01)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritePng_UnknownAi_RefusedByZint()
    {
        var ex = Assert.Throws<ImagingException>(() => new LabelWriter().WritePng(Label.Gs1DataMatrix("(01)09506000134352(99999)X")));
        Assert.Equal(ImagingErrorKind.EncodingRefused, ex.Kind);
    }

    [Fact]
    public void Gs1DataMatrix_ValueContainingParentheses_EncodedFromElements()
    {
        var label = Label.Gs1DataMatrix([new Gs1Element("01", "09506000134352"), new Gs1Element("10", "A(12)B"), new Gs1Element("21", "S1")]);

        var code = Assert.Single(new BarcodeReader().Decode(new LabelWriter().WritePng(label)));

        Assert.Equal("0109506000134352" + "10A(12)B\u001D" + "21S1", code.Text);
    }

    [Fact]
    public void WriteGray_LabelOver64Megapixels_RefusedAsInvalidArgument()
    {
        var huge = Label.QrCode(new string('A', 2000));
        var ex = Assert.Throws<ImagingException>(() => new LabelWriter(new LabelOptions { ModulePixels = 64 }).WriteGray(huge));

        Assert.Equal(ImagingErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains("64 megapixels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritePng_DataTooLongForQr_RefusedByZint()
    {
        var ex = Assert.Throws<ImagingException>(() => new LabelWriter().WritePng(Label.QrCode(new string('x', 8000))));
        Assert.Equal(ImagingErrorKind.EncodingRefused, ex.Kind);
    }

    [Fact]
    public void Constructor_ModulePixelsOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelWriter(new LabelOptions { ModulePixels = 0 }));
}
