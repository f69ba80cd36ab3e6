namespace TraceLedger.Packs;

/// <summary>One commissioned pack: its identifier and, when requested, its scratch-off code (shown only here, once).</summary>
public sealed record CommissionedPack(string Identifier, string? ScratchCode);
