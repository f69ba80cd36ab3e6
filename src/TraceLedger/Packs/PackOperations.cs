using TraceChain.Protocol.Hops;

namespace TraceLedger.Packs;

/// <summary>Maps a hop's CBV business step and disposition to the pack operation it performs.</summary>
public static class PackOperations
{
    /// <summary>The operation of <paramref name="hop"/> (see the table in docs/packs.md).</summary>
    public static PackOperation FromHop(Hop hop)
    {
        ArgumentNullException.ThrowIfNull(hop);
        if (hop.Disposition == Disposition.Stolen)
        {
            return PackOperation.ReportStolen;
        }

        return hop.BizStep switch
        {
            BizStep.Packing => PackOperation.Pack,
            BizStep.Unpacking => PackOperation.Unpack,
            BizStep.Shipping => PackOperation.Ship,
            BizStep.VoidShipping => PackOperation.VoidShipment,
            BizStep.Receiving => PackOperation.Receive,
            BizStep.Dispensing when hop.Disposition is Disposition.Dispensed or Disposition.PartiallyDispensed => PackOperation.Dispense,
            BizStep.Dispensing when hop.Disposition == Disposition.Active => PackOperation.UndoDispense,
            BizStep.Destroying => PackOperation.Destroy,
            BizStep.Decommissioning when hop.Disposition == Disposition.Destroyed => PackOperation.Destroy,
            BizStep.Decommissioning when hop.Disposition == Disposition.Inactive => PackOperation.Export,
            BizStep.Sampling => PackOperation.Sample,
            BizStep.Holding when hop.Disposition == Disposition.NonSellableOther => PackOperation.Lock,
            BizStep.Holding when hop.Disposition is Disposition.Active or Disposition.SellableAccessible or Disposition.SellableNotAccessible => PackOperation.Unlock,
            BizStep.Commissioning or BizStep.Dispensing or BizStep.Decommissioning => PackOperation.Unsupported,
            _ => PackOperation.Observe,
        };
    }
}
