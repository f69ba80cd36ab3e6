namespace TraceChain.Protocol.Gs1;

/// <summary>How the parsed input was written.</summary>
public enum Gs1InputFormat
{
    /// <summary>Scanner data: element strings with GS (0x1D) as FNC1, with or without an AIM identifier.</summary>
    ElementString,

    /// <summary>Bracketed human-readable form, e.g. "(01)09506000134352(21)ABC".</summary>
    Bracketed,

    /// <summary>An EAN/UPC read (]E0, ]E4) turned into AI (01).</summary>
    EanUpc,

    /// <summary>AI/value pairs given by the caller (e.g. taken from a GS1 Digital Link URI); positions are list indexes.</summary>
    ElementList,
}
