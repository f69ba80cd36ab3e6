using System.Collections.Frozen;

namespace TraceChain.Protocol.Hops;

/// <summary>Wire names of <see cref="BizStep"/> and <see cref="Disposition"/>: the CBV 2.0 bare names.</summary>
public static class CbvVocabulary
{
    private static readonly FrozenDictionary<BizStep, string> StepNames = new Dictionary<BizStep, string>
    {
        [BizStep.Commissioning] = "commissioning",
        [BizStep.Packing] = "packing",
        [BizStep.Unpacking] = "unpacking",
        [BizStep.Shipping] = "shipping",
        [BizStep.Receiving] = "receiving",
        [BizStep.Dispensing] = "dispensing",
        [BizStep.Decommissioning] = "decommissioning",
        [BizStep.Destroying] = "destroying",
        [BizStep.Inspecting] = "inspecting",
        [BizStep.Stocking] = "stocking",
        [BizStep.Storing] = "storing",
        [BizStep.Holding] = "holding",
        [BizStep.Sampling] = "sampling",
        [BizStep.Repackaging] = "repackaging",
        [BizStep.VoidShipping] = "void_shipping",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Disposition, string> DispositionNames = new Dictionary<Disposition, string>
    {
        [Disposition.Active] = "active",
        [Disposition.InTransit] = "in_transit",
        [Disposition.InProgress] = "in_progress",
        [Disposition.SellableAccessible] = "sellable_accessible",
        [Disposition.SellableNotAccessible] = "sellable_not_accessible",
        [Disposition.NonSellableOther] = "non_sellable_other",
        [Disposition.Dispensed] = "dispensed",
        [Disposition.PartiallyDispensed] = "partially_dispensed",
        [Disposition.Destroyed] = "destroyed",
        [Disposition.Stolen] = "stolen",
        [Disposition.Recalled] = "recalled",
        [Disposition.Expired] = "expired",
        [Disposition.Damaged] = "damaged",
        [Disposition.Returned] = "returned",
        [Disposition.ContainerClosed] = "container_closed",
        [Disposition.ContainerOpen] = "container_open",
        [Disposition.Inactive] = "inactive",
        [Disposition.Unknown] = "unknown",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, BizStep> StepsByName =
        StepNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Disposition> DispositionsByName =
        DispositionNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>All business steps with a wire name.</summary>
    public static IReadOnlyCollection<BizStep> BizSteps => StepNames.Keys;

    /// <summary>All dispositions with a wire name.</summary>
    public static IReadOnlyCollection<Disposition> Dispositions => DispositionNames.Keys;

    /// <summary>CBV name of a business step, e.g. <c>void_shipping</c>.</summary>
    public static string ToWire(BizStep step) =>
        StepNames.TryGetValue(step, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(step), step, "Not a defined business step.");

    /// <summary>CBV name of a disposition, e.g. <c>in_transit</c>.</summary>
    public static string ToWire(Disposition disposition) =>
        DispositionNames.TryGetValue(disposition, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(disposition), disposition, "Not a defined disposition.");

    /// <summary>Parses a CBV business step name (exact, lower case).</summary>
    public static bool TryParseBizStep(string? name, out BizStep step) =>
        StepsByName.TryGetValue(name ?? string.Empty, out step);

    /// <summary>Parses a CBV disposition name (exact, lower case).</summary>
    public static bool TryParseDisposition(string? name, out Disposition disposition) =>
        DispositionsByName.TryGetValue(name ?? string.Empty, out disposition);
}
