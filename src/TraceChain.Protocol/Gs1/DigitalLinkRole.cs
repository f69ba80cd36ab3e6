namespace TraceChain.Protocol.Gs1;

/// <summary>How an AI appears in a GS1 Digital Link URI.</summary>
public enum DigitalLinkRole
{
    /// <summary>Query-string data attribute (e.g. ?17=261231).</summary>
    DataAttribute,

    /// <summary>Primary key: the first path segment (e.g. /01/{gtin}).</summary>
    PrimaryKey,

    /// <summary>Key qualifier: a later path segment (e.g. /10/{batch}/21/{serial}).</summary>
    Qualifier,
}
