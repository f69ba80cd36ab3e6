namespace TraceChain.Imaging.Labels;

/// <summary>What a label encodes and prints: build one with the factory methods, render it with <see cref="LabelWriter"/>.</summary>
public sealed class Label
{
    private Label(LabelSymbology symbology, bool isGs1, string encoderInput, IReadOnlyList<string> humanReadableLines)
    {
        Symbology = symbology;
        IsGs1 = isGs1;
        EncoderInput = encoderInput;
        HumanReadableLines = humanReadableLines;
    }

    /// <summary>The symbology.</summary>
    public LabelSymbology Symbology { get; }

    /// <summary>True when the symbol carries GS1 data (FNC1 in first position: ]d2 or ]Q3).</summary>
    public bool IsGs1 { get; }

    /// <summary>What zint is given: bracketed AIs ("[01]...") for GS1, otherwise the text itself.</summary>
    public string EncoderInput { get; }

    /// <summary>Human-readable text printed under the symbol, one entry per line.</summary>
    public IReadOnlyList<string> HumanReadableLines { get; }

    /// <summary>A GS1 Data Matrix from a human-readable element string such as "(01)09506000134352(17)261231(10)AB1(21)X9".</summary>
    /// <exception cref="FormatException">The string is not "(AI)value..." throughout.</exception>
    public static Label Gs1DataMatrix(string elementString) => Gs1(LabelSymbology.DataMatrix, Gs1ElementString.Parse(elementString));

    /// <summary>A GS1 Data Matrix from elements (use this when a value contains "(dd)").</summary>
    public static Label Gs1DataMatrix(IReadOnlyList<Gs1Element> elements) => Gs1(LabelSymbology.DataMatrix, elements);

    /// <summary>A GS1 QR Code (]Q3) from a human-readable element string.</summary>
    public static Label Gs1QrCode(string elementString) => Gs1(LabelSymbology.QrCode, Gs1ElementString.Parse(elementString));

    /// <summary>A GS1 QR Code (]Q3) from elements.</summary>
    public static Label Gs1QrCode(IReadOnlyList<Gs1Element> elements) => Gs1(LabelSymbology.QrCode, elements);

    /// <summary>A plain QR Code (]Q1) of a GS1 Digital Link URI, e.g. "https://id.example.com/01/09506000134352/10/AB1/21/X9?17=261231".</summary>
    /// <exception cref="ArgumentException">Not an absolute http(s) URI of printable ASCII.</exception>
    public static Label DigitalLinkQrCode(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"\"{uri}\" is not an absolute http(s) URI", nameof(uri));
        }

        if (!uri.All(c => c is > ' ' and < (char)127))
        {
            throw new ArgumentException("a Digital Link URI must be printable ASCII (percent-encode the rest)", nameof(uri));
        }

        return new Label(LabelSymbology.QrCode, isGs1: false, uri, [uri]);
    }

    /// <summary>A plain QR Code (]Q1) of any UTF-8 text, printed as is under the symbol.</summary>
    public static Label QrCode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new Label(LabelSymbology.QrCode, isGs1: false, text, text.Split('\n'));
    }

    /// <summary>The same symbol with other human-readable lines under it (e.g. the GS1 HRI under a Digital Link QR).</summary>
    public Label WithHumanReadableLines(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new Label(Symbology, IsGs1, EncoderInput, [.. lines]);
    }

    private static Label Gs1(LabelSymbology symbology, IReadOnlyList<Gs1Element> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return new Label(symbology, isGs1: true, Gs1ElementString.ToZint(elements), Gs1ElementString.ToHumanReadableLines(elements));
    }
}
