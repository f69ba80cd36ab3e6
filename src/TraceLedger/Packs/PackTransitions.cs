namespace TraceLedger.Packs;

/// <summary>
/// The lifecycle rules as one pure function: may this operation happen to a pack in this situation, and if so
/// which state follows. No I/O, so every state x operation pair is tested as a table.
/// </summary>
public static class PackTransitions
{
    /// <summary>Null when <paramref name="operation"/> is allowed, else the refusal.</summary>
    public static PackRefusal? Check(PackOperation operation, PackFacts facts, PackPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        return operation switch
        {
            PackOperation.Observe => null,
            PackOperation.Pack => Pack(facts),
            PackOperation.Unpack => Unpack(facts),
            PackOperation.Ship => Ship(facts),
            PackOperation.VoidShipment => VoidShipment(facts),
            PackOperation.Receive => Receive(facts),
            PackOperation.Dispense => Dispense(facts, policy),
            PackOperation.UndoDispense => Undo(facts, policy),
            PackOperation.Destroy => Decommission(facts, PackState.Destroyed, blockedByBatch: false),
            PackOperation.ReportStolen => Stolen(facts),
            PackOperation.Lock => Decommission(facts, PackState.Locked, blockedByBatch: false),
            PackOperation.Unlock => Unlock(facts),
            PackOperation.Sample => Decommission(facts, PackState.Sample, blockedByBatch: true),
            PackOperation.Export => Decommission(facts, PackState.Exported, blockedByBatch: true),
            _ => Refuse(PackRefusalCode.UnsupportedOperation, "this step and disposition are not a pack operation"),
        };
    }

    /// <summary>The state after an allowed operation.</summary>
    public static PackState Next(PackOperation operation, PackState current) => operation switch
    {
        PackOperation.Ship => PackState.InTransit,
        PackOperation.VoidShipment or PackOperation.Receive or PackOperation.UndoDispense or PackOperation.Unlock => PackState.Active,
        PackOperation.Dispense => PackState.Dispensed,
        PackOperation.Destroy => PackState.Destroyed,
        PackOperation.ReportStolen => PackState.Stolen,
        PackOperation.Lock => PackState.Locked,
        PackOperation.Sample => PackState.Sample,
        PackOperation.Export => PackState.Exported,
        _ => current,
    };

    private static PackRefusal? Pack(PackFacts f) =>
        Held(f) ?? Active(f)
        ?? (f.Parent == f.HopParent ? Refuse(PackRefusalCode.AlreadyInState, $"already in {f.Parent}")
            : f.Parent is not null ? Refuse(PackRefusalCode.AlreadyAggregated, $"already in {f.Parent}; unpack it first")
            : null);

    private static PackRefusal? Unpack(PackFacts f) =>
        Held(f) ?? Active(f)
        ?? (f.Parent != f.HopParent ? Refuse(PackRefusalCode.NotInParent, f.Parent is null ? $"not in {f.HopParent}" : $"in {f.Parent}, not in {f.HopParent}") : null);

    private static PackRefusal? Ship(PackFacts f)
    {
        if (f.HopDestination is null)
        {
            return Refuse(PackRefusalCode.DestinationRequired, "shipping must name the destination party");
        }

        if (f.State == PackState.InTransit)
        {
            return Refuse(PackRefusalCode.AlreadyInState, $"already in transit to {f.Destination}");
        }

        return Held(f) ?? Active(f) ?? Loose(f);
    }

    private static PackRefusal? VoidShipment(PackFacts f) =>
        f.State != PackState.InTransit ? Refuse(PackRefusalCode.WrongState, $"is {Name(f.State)}, not in transit")
        : f.Holder != f.Actor ? Refuse(PackRefusalCode.NotHolder, $"was shipped by {f.Holder}, not by {f.Actor}")
        : Loose(f);

    private static PackRefusal? Receive(PackFacts f)
    {
        if (f.State != PackState.InTransit)
        {
            return f.State == PackState.Active && f.Holder == f.Actor
                ? Refuse(PackRefusalCode.AlreadyInState, $"already received by {f.Actor}")
                : Refuse(PackRefusalCode.NoMatchingShipment, $"is {Name(f.State)} at {f.Holder}: no shipment to receive");
        }

        return f.Destination != f.Actor
            ? Refuse(PackRefusalCode.NotShipmentDestination, $"was shipped to {f.Destination}, not to {f.Actor}")
            : Loose(f);
    }

    private static PackRefusal? Dispense(PackFacts f, PackPolicy policy)
    {
        if (f.IsContainer)
        {
            return Refuse(PackRefusalCode.NotApplicableToContainer, "a case or pallet is not dispensed; dispense its packs");
        }

        if (policy.DispenseByPharmacyOnly && f.ActorRole != TraceLedger.Storage.PartyRole.Pharmacy)
        {
            return Refuse(PackRefusalCode.NotPharmacy, $"{f.Actor} is not a pharmacy");
        }

        if (f.State == PackState.Dispensed)
        {
            return Refuse(PackRefusalCode.AlreadyDispensed, $"already dispensed on {f.DispensedAt:yyyy-MM-dd HH:mm} UTC at {f.DispensedLocation}");
        }

        return Batch(f) ?? Held(f) ?? Active(f);
    }

    private static PackRefusal? Undo(PackFacts f, PackPolicy policy)
    {
        if (f.State != PackState.Dispensed)
        {
            return Refuse(PackRefusalCode.NotDispensed, $"is {Name(f.State)}, not dispensed");
        }

        if (policy.UndoSameLocationOnly && f.DispensedLocation != f.Location)
        {
            return Refuse(PackRefusalCode.UndoWrongLocation, $"was dispensed at {f.DispensedLocation}; only that location may undo");
        }

        if (f.DispensedAt is { } at && f.Now - at > policy.UndoWindow)
        {
            return Refuse(PackRefusalCode.UndoWindowPassed, $"was dispensed {(f.Now - at).TotalDays:0.#} days ago; undo is allowed for {policy.UndoWindow.TotalDays:0.#} days");
        }

        return f.Recalled ? Refuse(PackRefusalCode.Recalled, "the batch was recalled since the dispense")
            : f.Withdrawn ? Refuse(PackRefusalCode.Withdrawn, "the product was withdrawn since the dispense")
            : f.Expired ? Refuse(PackRefusalCode.Expired, "the pack expired since the dispense")
            : null;
    }

    private static PackRefusal? Stolen(PackFacts f)
    {
        if (f.State == PackState.Stolen)
        {
            return Refuse(PackRefusalCode.AlreadyInState, "already reported stolen");
        }

        if (f.State is not (PackState.Active or PackState.InTransit or PackState.Locked))
        {
            return Refuse(PackRefusalCode.WrongState, $"is {Name(f.State)}");
        }

        // Goods stolen on the road are reported by the shipper or by the party waiting for them.
        return f.Holder == f.Actor || (f.State == PackState.InTransit && f.Destination == f.Actor)
            ? null
            : Refuse(PackRefusalCode.NotHolder, $"is held by {f.Holder}, not by {f.Actor}");
    }

    private static PackRefusal? Unlock(PackFacts f) =>
        f.State != PackState.Locked ? Refuse(PackRefusalCode.NotLocked, $"is {Name(f.State)}, not locked") : Held(f);

    private static PackRefusal? Decommission(PackFacts f, PackState target, bool blockedByBatch)
    {
        if (f.State == target)
        {
            return Refuse(PackRefusalCode.AlreadyInState, $"already {Name(target)}");
        }

        if (f.IsContainer && target != PackState.Destroyed)
        {
            return Refuse(PackRefusalCode.NotApplicableToContainer, $"a case or pallet is not {Name(target)}; apply it to its packs");
        }

        var allowedFrom = target == PackState.Destroyed ? f.State is PackState.Active or PackState.Locked : f.State == PackState.Active;
        if (!allowedFrom)
        {
            return f.State == PackState.Dispensed
                ? Refuse(PackRefusalCode.AlreadyDispensed, $"already dispensed on {f.DispensedAt:yyyy-MM-dd} at {f.DispensedLocation}")
                : Refuse(PackRefusalCode.WrongState, $"is {Name(f.State)}");
        }

        return (blockedByBatch ? Batch(f) : null) ?? Held(f);
    }

    private static PackRefusal? Batch(PackFacts f) =>
        f.Recalled ? Refuse(PackRefusalCode.Recalled, "the batch is recalled")
        : f.Withdrawn ? Refuse(PackRefusalCode.Withdrawn, "the product is withdrawn")
        : f.Expired ? Refuse(PackRefusalCode.Expired, "the batch is past its expiry date")
        : null;

    private static PackRefusal? Held(PackFacts f) =>
        f.Holder == f.Actor ? null : Refuse(PackRefusalCode.NotHolder, $"is held by {f.Holder ?? "nobody"}, not by {f.Actor}");

    private static PackRefusal? Active(PackFacts f) =>
        f.State == PackState.Active ? null : Refuse(PackRefusalCode.WrongState, $"is {Name(f.State)}, not active");

    private static PackRefusal? Loose(PackFacts f) =>
        f.Parent is null ? null : Refuse(PackRefusalCode.InsideContainer, $"is inside {f.Parent}; move the parent or unpack it first");

    private static PackRefusal Refuse(PackRefusalCode code, string detail) => new(code, detail);

    /// <summary>The wire name of a state (<c>in_transit</c>, …).</summary>
    public static string Name(PackState state) => state switch
    {
        PackState.InTransit => "in_transit",
        _ => state.ToString().ToLowerInvariant(),
    };
}
