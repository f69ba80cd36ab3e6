namespace ScannerAgent.Configuration;

/// <summary>What a scan at one scanner means for the pack.</summary>
public enum Workflow
{
    /// <summary>A manufacturer's line gives a printed pack its identity (CBV commissioning).</summary>
    Commission,

    /// <summary>Goods arrive and are taken into custody (CBV receiving).</summary>
    Receive,

    /// <summary>Goods leave towards a destination GLN (CBV shipping).</summary>
    Ship,

    /// <summary>Packs go into a parent case or pallet SSCC (CBV packing).</summary>
    Pack,

    /// <summary>A pack is handed to a patient (CBV dispensing); the verdict goes back to the operator.</summary>
    Dispense,

    /// <summary>A pack is checked only (CBV inspecting); the verdict goes back to the operator.</summary>
    Verify,
}
