namespace TraceGateway.Features.ApplyCounterOperation;

/// <summary>What the pharmacist asked the counter device to do with a pack.</summary>
public enum CounterAction
{
    /// <summary>Hand the pack to the patient (CBV dispensing, disposition dispensed).</summary>
    Dispense = 1,

    /// <summary>Undo a dispense made by mistake (CBV dispensing, disposition active; EMVS: 10 days, same place).</summary>
    UndoDispense,
}
