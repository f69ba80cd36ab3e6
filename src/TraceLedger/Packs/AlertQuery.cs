namespace TraceLedger.Packs;

/// <summary>Filter for listing alerts; null members do not filter.</summary>
/// <param name="Code">Only this kind.</param>
/// <param name="Open">Only open (true) or closed (false) alerts.</param>
/// <param name="Identifier">Only alerts about this pack.</param>
/// <param name="ActorGln">Only alerts raised by this party's actions.</param>
/// <param name="Limit">At most this many, newest first (1-1000).</param>
public sealed record AlertQuery(AlertCode? Code = null, bool? Open = null, string? Identifier = null, string? ActorGln = null, int Limit = 100);
