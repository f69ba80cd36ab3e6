namespace TraceChain.Protocol.Hops;

/// <summary>
/// Business steps from the GS1 Core Business Vocabulary (CBV 2.0) that a scan hop can record. The wire name is
/// the CBV bare name (e.g. <c>shipping</c>); see <see cref="CbvVocabulary"/>. A recall is not a CBV business
/// step: it is recorded as a hop with disposition <see cref="Disposition.Recalled"/> (typically step
/// <see cref="Holding"/> or <see cref="Inspecting"/>).
/// </summary>
public enum BizStep
{
    /// <summary><c>commissioning</c>: a serial is first associated with a pack (manufacturer).</summary>
    Commissioning,

    /// <summary><c>packing</c>: packs are aggregated into a parent case or pallet (SSCC).</summary>
    Packing,

    /// <summary><c>unpacking</c>: packs are taken out of a parent case or pallet.</summary>
    Unpacking,

    /// <summary><c>shipping</c>: goods leave a location towards a destination party.</summary>
    Shipping,

    /// <summary><c>receiving</c>: goods arrive and are taken into custody.</summary>
    Receiving,

    /// <summary><c>dispensing</c>: a pack is handed to a patient (EU FMD decommission as supplied).</summary>
    Dispensing,

    /// <summary><c>decommissioning</c>: a serial is taken out of circulation without being dispensed.</summary>
    Decommissioning,

    /// <summary><c>destroying</c>: goods are destroyed.</summary>
    Destroying,

    /// <summary><c>inspecting</c>: goods are checked (e.g. verification at a counter).</summary>
    Inspecting,

    /// <summary><c>stocking</c>: goods are put on shelves for sale or use.</summary>
    Stocking,

    /// <summary><c>storing</c>: goods are put into storage.</summary>
    Storing,

    /// <summary><c>holding</c>: goods are held (quarantine, recall hold).</summary>
    Holding,

    /// <summary><c>sampling</c>: a pack is taken as a sample.</summary>
    Sampling,

    /// <summary><c>repackaging</c>: goods are moved to new packaging.</summary>
    Repackaging,

    /// <summary><c>void_shipping</c>: a previous shipping hop is cancelled.</summary>
    VoidShipping,
}
