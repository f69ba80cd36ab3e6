namespace TraceLedger.Packs;

/// <summary>Why an alert happened, given when closing it (EMVS alert management categories).</summary>
public enum RootCause
{
    /// <summary>A technical fault, e.g. scanner setup or a label printing error.</summary>
    Technical = 1,

    /// <summary>A procedural error, e.g. a pack scanned at the wrong step.</summary>
    Procedural,

    /// <summary>Suspected falsification: handed to the authorities.</summary>
    SuspectedFalsification,
}
