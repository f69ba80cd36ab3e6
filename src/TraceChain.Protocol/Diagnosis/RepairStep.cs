namespace TraceChain.Protocol.Diagnosis;

/// <summary>Candidate repairs tried on a raw scan, in the order they are applied within one repair path.</summary>
internal enum RepairStep
{
    StripLineEnding,
    RemoveUnexpectedAim,
    RestoreAimBracket,
    UndoAzerty,
    UndoQwertz,
    InvertCase,
    FixAimCase,
    RestoreSubstitutedSeparator,
    InsertDroppedSeparators,
}
