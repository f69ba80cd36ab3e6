namespace TraceChain.Protocol.Gs1;

/// <summary>Options for <see cref="Gs1Parser"/>.</summary>
public sealed record Gs1ParseOptions
{
    /// <summary>Defaults: system clock, associations checked.</summary>
    public static Gs1ParseOptions Default { get; } = new();

    /// <summary>Clock whose current year anchors the GS1 century rule for YYMMDD dates.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// When true (the default), mandatory AI associations and invalid pairings are checked. Turn off for one
    /// barcode of a multi-barcode label (e.g. a GS1-128 pallet label where (00) is in another symbol), since the
    /// rules apply to all carriers on an item together.
    /// </summary>
    public bool CheckAssociations { get; init; } = true;
}
