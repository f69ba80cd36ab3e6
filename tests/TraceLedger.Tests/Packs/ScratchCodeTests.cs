using TraceLedger.Packs;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Packs;

public sealed class ScratchCodeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ScratchCode_FirstCheckValid_SecondWarnsWithTheFirstDate()
    {
        await using var world = await PackWorld.CreateAsync();
        var pack = (await world.CommissionAsync(3, scratch: true)).Packs[1];
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", pack.ScratchCode!);

        var first = await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(null, ScratchCode: pack.ScratchCode), None);
        world.Clock.Advance(TimeSpan.FromDays(3));
        var again = await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(pack.Identifier, ScratchCode: pack.ScratchCode!.Replace(" ", "", StringComparison.Ordinal)), None);

        Assert.Equal(("genuine", "valid"), (first.Code, first.Scratch));
        Assert.Equal(("genuine", "reverified"), (again.Code, again.Scratch));
        Assert.Contains("already verified on 2026-11-01", again.Message, StringComparison.Ordinal);
        Assert.Contains("if that was not you, this may be a fake", again.Message, StringComparison.Ordinal);
        Assert.Single(await world.AlertsAsync(AlertCode.ScratchReverified));
    }

    [Fact]
    public async Task BruteForcedScratchCode_LocksThePackAfterTheLimit_EvenForTheRightCode()
    {
        await using var world = await PackWorld.CreateAsync(new PackPolicy { ScratchAttemptLimit = 5 });
        var pack = (await world.CommissionAsync(1, scratch: true)).Packs[0];
        var right = TraceChain.Protocol.Scratch.ScratchCode.Parse(pack.ScratchCode!);
        var guesses = new List<string>();
        for (var n = 0; guesses.Count < 5; n++)
        {
            var guess = TraceChain.Protocol.Scratch.ScratchCode.FromPayload(n.ToString("D15", System.Globalization.CultureInfo.InvariantCulture));
            if (!guess.Equals(right))
            {
                guesses.Add(guess.Digits);
            }
        }

        foreach (var guess in guesses)
        {
            var wrong = await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(pack.Identifier, ScratchCode: guess), None);
            Assert.Equal(("suspect", "wrong"), (wrong.Code, wrong.Scratch));
        }

        var locked = await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(pack.Identifier, ScratchCode: pack.ScratchCode), None);

        Assert.Equal(("suspect", "locked"), (locked.Code, locked.Scratch));
        Assert.Single(await world.AlertsAsync(AlertCode.ScratchBruteForce));
    }

    [Fact]
    public async Task ScratchCodes_AreStoredOnlyAsKeyedHashes()
    {
        await using var world = await PackWorld.CreateAsync();
        var packs = (await world.CommissionAsync(5, scratch: true)).Packs;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(world.Directory, "ledger.db"));
        var wal = Path.Combine(world.Directory, "ledger.db-wal");
        var text = System.Text.Encoding.ASCII.GetString(bytes) + (File.Exists(wal) ? System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(wal)) : "");

        Assert.All(packs, p => Assert.DoesNotContain(p.ScratchCode!.Replace(" ", "", StringComparison.Ordinal), text, StringComparison.Ordinal));
        Assert.All(packs, p => Assert.Contains(p.Identifier, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typo_InScratchCode_IsAClearError()
    {
        await using var world = await PackWorld.CreateAsync();
        var pack = (await world.CommissionAsync(1, scratch: true)).Packs[0];
        var digits = pack.ScratchCode!.Replace(" ", "", StringComparison.Ordinal);
        var typo = (digits[0] == '9' ? "0" : ((char)(digits[0] + 1)).ToString()) + digits[1..];

        var error = await Assert.ThrowsAsync<PackRequestException>(() => world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(pack.Identifier, ScratchCode: typo), None));
        Assert.Contains("check digit", error.Message, StringComparison.Ordinal);
    }
}
