using TraceLedger.Packs;
using TraceLedger.Storage;
using static TraceLedger.Packs.PackRefusalCode;

namespace TraceLedger.Tests.Packs;

public sealed class PackTransitionsTests
{
    private const string Actor = "A";
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly PackOperation[] Columns =
    [
        PackOperation.Pack, PackOperation.Unpack, PackOperation.Ship, PackOperation.VoidShipment, PackOperation.Receive, PackOperation.Dispense,
        PackOperation.UndoDispense, PackOperation.Destroy, PackOperation.ReportStolen, PackOperation.Lock, PackOperation.Unlock, PackOperation.Sample,
        PackOperation.Export, PackOperation.Observe,
    ];

    // Every state x operation for the party holding the pack at its own location ("ok" = allowed).
    // Columns: pack, unpack, ship, void, receive, dispense, undo, destroy, stolen, lock, unlock, sample, export, observe.
    private static readonly Dictionary<PackState, string> Table = new()
    {
        [PackState.Active] = "ok NotInParent ok WrongState AlreadyInState ok NotDispensed ok ok ok NotLocked ok ok ok",
        [PackState.InTransit] = "WrongState WrongState AlreadyInState ok ok WrongState NotDispensed WrongState ok WrongState NotLocked WrongState WrongState ok",
        [PackState.Dispensed] = "WrongState WrongState WrongState WrongState NoMatchingShipment AlreadyDispensed ok AlreadyDispensed WrongState AlreadyDispensed NotLocked AlreadyDispensed AlreadyDispensed ok",
        [PackState.Destroyed] = "WrongState WrongState WrongState WrongState NoMatchingShipment WrongState NotDispensed AlreadyInState WrongState WrongState NotLocked WrongState WrongState ok",
        [PackState.Stolen] = "WrongState WrongState WrongState WrongState NoMatchingShipment WrongState NotDispensed WrongState AlreadyInState WrongState NotLocked WrongState WrongState ok",
        [PackState.Locked] = "WrongState WrongState WrongState WrongState NoMatchingShipment WrongState NotDispensed ok ok AlreadyInState ok WrongState WrongState ok",
        [PackState.Sample] = "WrongState WrongState WrongState WrongState NoMatchingShipment WrongState NotDispensed WrongState WrongState WrongState NotLocked AlreadyInState WrongState ok",
        [PackState.Exported] = "WrongState WrongState WrongState WrongState NoMatchingShipment WrongState NotDispensed WrongState WrongState WrongState NotLocked WrongState AlreadyInState ok",
    };

    public static TheoryData<PackState, PackOperation, string> EveryStateAndOperation()
    {
        var data = new TheoryData<PackState, PackOperation, string>();
        foreach (var (state, row) in Table)
        {
            var expected = row.Split(' ');
            for (var i = 0; i < Columns.Length; i++)
            {
                data.Add(state, Columns[i], expected[i]);
            }
        }

        return data;
    }

    [Fact]
    public void Table_CoversEveryStateAndOperation()
    {
        Assert.Equal(Enum.GetValues<PackState>().Length, Table.Count);
        Assert.All(Table.Values, row => Assert.Equal(Columns.Length, row.Split(' ').Length));
        Assert.Equal(Enum.GetValues<PackOperation>().Length - 1, Columns.Length);
    }

    [Theory]
    [MemberData(nameof(EveryStateAndOperation))]
    public void Check_StateAndOperation_GivesTheTableAnswer(PackState state, PackOperation operation, string expected)
    {
        var refusal = PackTransitions.Check(operation, Facts(state), new PackPolicy());

        Assert.Equal(expected, refusal?.Code.ToString() ?? "ok");
    }

    [Theory]
    [MemberData(nameof(EveryStateAndOperation))]
    public void Next_AllowedOperation_LeavesAConsistentState(PackState state, PackOperation operation, string expected)
    {
        if (expected != "ok")
        {
            return;
        }

        var next = PackTransitions.Next(operation, state);
        var expectedNext = operation switch
        {
            PackOperation.Ship => PackState.InTransit,
            PackOperation.Dispense => PackState.Dispensed,
            PackOperation.Destroy => PackState.Destroyed,
            PackOperation.ReportStolen => PackState.Stolen,
            PackOperation.Lock => PackState.Locked,
            PackOperation.Sample => PackState.Sample,
            PackOperation.Export => PackState.Exported,
            PackOperation.VoidShipment or PackOperation.Receive or PackOperation.UndoDispense or PackOperation.Unlock => PackState.Active,
            _ => state,
        };
        Assert.Equal(expectedNext, next);
    }

    public static TheoryData<string, PackOperation, PackState, PackRefusalCode> Situations() => new()
    {
        { "another party holds it", PackOperation.Ship, PackState.Active, NotHolder },
        { "another party holds it", PackOperation.Dispense, PackState.Active, NotHolder },
        { "another party holds it", PackOperation.Destroy, PackState.Active, NotHolder },
        { "another party holds it", PackOperation.Lock, PackState.Active, NotHolder },
        { "another party holds it", PackOperation.Pack, PackState.Active, NotHolder },
        { "no destination", PackOperation.Ship, PackState.Active, DestinationRequired },
        { "shipped elsewhere", PackOperation.Receive, PackState.InTransit, NotShipmentDestination },
        { "not a pharmacy", PackOperation.Dispense, PackState.Active, NotPharmacy },
        { "recalled", PackOperation.Dispense, PackState.Active, Recalled },
        { "withdrawn", PackOperation.Dispense, PackState.Active, Withdrawn },
        { "expired", PackOperation.Dispense, PackState.Active, Expired },
        { "recalled", PackOperation.Sample, PackState.Active, Recalled },
        { "recalled", PackOperation.Export, PackState.Active, Recalled },
        { "recalled", PackOperation.UndoDispense, PackState.Dispensed, Recalled },
        { "expired", PackOperation.UndoDispense, PackState.Dispensed, Expired },
        { "withdrawn", PackOperation.UndoDispense, PackState.Dispensed, Withdrawn },
        { "dispensed 11 days ago", PackOperation.UndoDispense, PackState.Dispensed, UndoWindowPassed },
        { "dispensed elsewhere", PackOperation.UndoDispense, PackState.Dispensed, UndoWrongLocation },
        { "inside a case", PackOperation.Ship, PackState.Active, InsideContainer },
        { "inside a case", PackOperation.Receive, PackState.InTransit, InsideContainer },
        { "inside another case", PackOperation.Pack, PackState.Active, AlreadyAggregated },
        { "inside another case", PackOperation.Unpack, PackState.Active, NotInParent },
        { "a container", PackOperation.Dispense, PackState.Active, NotApplicableToContainer },
        { "a container", PackOperation.Sample, PackState.Active, NotApplicableToContainer },
        { "shipped by another party", PackOperation.VoidShipment, PackState.InTransit, NotHolder },
        { "a stranger reports it stolen", PackOperation.ReportStolen, PackState.Active, NotHolder },
    };

    [Theory]
    [MemberData(nameof(Situations))]
    public void Check_Situation_RefusesWithItsReason(string situation, PackOperation operation, PackState state, PackRefusalCode expected)
    {
        var facts = Facts(state);
        facts = situation switch
        {
            "another party holds it" => facts with { Holder = "B" },
            "no destination" => facts with { HopDestination = null },
            "shipped elsewhere" => facts with { Destination = "B" },
            "not a pharmacy" => facts with { ActorRole = PartyRole.Distributor },
            "recalled" => facts with { Recalled = true },
            "withdrawn" => facts with { Withdrawn = true },
            "expired" => facts with { Expired = true },
            "dispensed 11 days ago" => facts with { DispensedAt = Now.AddDays(-11) },
            "dispensed elsewhere" => facts with { DispensedLocation = "M" },
            "inside a case" => facts with { Parent = "sscc:X" },
            "inside another case" => facts with { Parent = "sscc:Y" },
            "a container" => facts with { IsContainer = true },
            "shipped by another party" => facts with { Holder = "B" },
            "a stranger reports it stolen" => facts with { Holder = "B", Destination = "C" },
            _ => throw new ArgumentException(situation),
        };

        Assert.Equal(expected, PackTransitions.Check(operation, facts, new PackPolicy())?.Code);
    }

    [Fact]
    public void Check_UndoWindowIsAPolicySetting()
    {
        var facts = Facts(PackState.Dispensed) with { DispensedAt = Now.AddDays(-11) };

        Assert.Null(PackTransitions.Check(PackOperation.UndoDispense, facts, new PackPolicy { UndoWindow = TimeSpan.FromDays(14) }));
        Assert.Equal(UndoWindowPassed, PackTransitions.Check(PackOperation.UndoDispense, facts, new PackPolicy())?.Code);
    }

    [Fact]
    public void Check_UndoAnywhere_WhenPolicyAllowsIt()
    {
        var facts = Facts(PackState.Dispensed) with { DispensedLocation = "M" };

        Assert.Null(PackTransitions.Check(PackOperation.UndoDispense, facts, new PackPolicy { UndoSameLocationOnly = false }));
    }

    [Fact]
    public void Refusal_RoundTripsThroughTheReceiptText()
    {
        var refusal = new PackRefusal(AlreadyDispensed, "gtin:x already dispensed");
        var receipt = TraceLedger.Log.HopReceipt.Refused(TraceLedger.Log.RefusalReason.RuleViolation, refusal.ToString());

        Assert.StartsWith("already_dispensed: ", refusal.ToString(), StringComparison.Ordinal);
        Assert.True(PackRefusal.TryParse(receipt, out var parsed));
        Assert.Equal(refusal, parsed);
        Assert.Equal("A7", parsed.EmvsCode);
    }

    private static PackFacts Facts(PackState state) => new(
        state,
        IsContainer: false,
        Holder: Actor,
        Destination: Actor,
        Parent: null,
        DispensedLocation: "L",
        DispensedAt: Now.AddDays(-1),
        Recalled: false,
        Withdrawn: false,
        Expired: false,
        Actor: Actor,
        ActorRole: PartyRole.Pharmacy,
        Location: "L",
        HopDestination: "B",
        HopParent: "sscc:X",
        Now: Now);
}
