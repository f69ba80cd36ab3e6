using System.Security.Cryptography;
using TraceChain.Protocol.China;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Scratch;
using TraceLedger.Log;
using TraceLedger.Packs.Storage;
using TraceLedger.Storage;

namespace TraceLedger.Packs;

/// <summary>
/// Manufacturers commission batches (random, imported or Chinese-code identifiers, optional scratch codes) and
/// recall them; company prefixes say which manufacturer owns which GTINs. Each commissioning and recall is one
/// log entry written in the same transaction as the pack tables.
/// </summary>
public sealed class CommissioningService
{
    private readonly LogWriter log;
    private readonly PackRules rules;
    private readonly ScratchSecret secret;

    internal CommissioningService(LogWriter log, PackRules rules, ScratchSecret secret)
    {
        this.log = log;
        this.rules = rules;
        this.secret = secret;
    }

    /// <summary>Registers a GS1 company prefix (6-12 digits) to a manufacturer party; returns the log entry that records it.</summary>
    public Task<long> RegisterCompanyPrefixAsync(string prefix, string partyGln, CancellationToken cancellationToken)
    {
        PackRequestException.Require(prefix is { Length: >= 6 and <= 12 } && prefix.All(char.IsAsciiDigit) ? null : $"company prefix '{prefix}' must be 6-12 digits");
        return log.WriteAsync(batch =>
        {
            var packs = rules.Bind(batch.Connection, batch.Transaction);
            PackRequestException.Require(packs.Party(partyGln) is { Role: PartyRole.Manufacturer } ? null : $"party {partyGln} is not a registered manufacturer");
            PackRequestException.Require(packs.PrefixOwner(prefix) is { } owner ? $"company prefix {prefix} is already registered to {owner}" : null);
            var entry = PackEntries.CompanyPrefix(prefix, partyGln, batch.NextSeq);
            var seq = batch.Append(EntryKind.CompanyPrefixRegistered, entry, MerkleHash.Leaf(entry), SHA256.HashData(entry), null, null, []);
            packs.InsertCompanyPrefix(prefix, partyGln);
            return seq;
        }, cancellationToken);
    }

    /// <summary>Commissions a batch; throws <see cref="PackRequestException"/> naming the problem when refused.</summary>
    public async Task<CommissionResult> CommissionAsync(CommissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gtin14 = Validate(request);
        var expiresOn = BatchDates.Parse(request.Expiry, out _)!.Value;
        var identifiers = Identifiers(request, gtin14);
        string?[] plain = new string?[identifiers.Count];
        byte[]?[] hashes = new byte[]?[identifiers.Count];
        if (request.ScratchCodes)
        {
            using var random = new BufferedRandom();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < plain.Length; i++)
            {
                string digits;
                do
                {
                    digits = ScratchCode.Generate(random).Digits;
                }
                while (!seen.Add(digits));
                plain[i] = digits;
            }

            Parallel.For(0, plain.Length, i => hashes[i] = secret.Hash(plain[i]!));
        }

        var imported = request.ImportedSerials is not null || request.ChinaCodes is not null;
        var seq = await log.WriteAsync(batch =>
        {
            var packs = rules.Bind(batch.Connection, batch.Transaction);
            CheckOwnership(packs, request, gtin14);
            PackRequestException.Require(packs.FindBatch(gtin14, request.Lot) is not null ? $"batch {request.Lot} of {gtin14} is already commissioned" : null);
            if (!packs.HasProduct(gtin14))
            {
                var p = request.Product;
                packs.InsertProduct(new ProductRow { Gtin = gtin14, OwnerGln = request.ManufacturerGln, Name = p.Name, Strength = p.Strength, Form = p.Form, PackSize = p.PackSize, PublishManufacturer = p.PublishManufacturer });
            }

            // Rows first, entry last: the insert itself finds an identifier that exists (no lookup per pack), and the
            // entry lists the identifiers as finally stored. A failure rolls the whole transaction back.
            var entrySeq = batch.NextSeq;
            var batchId = packs.InsertBatch(new BatchRow
            {
                Gtin = gtin14,
                Lot = request.Lot,
                Expiry = request.Expiry,
                ExpiresOn = BatchDates.ToNumber(expiresOn),
                CommissionedSeq = entrySeq,
                CommissionedAtMs = batch.ReceivedAtMs,
            });
            var row = new PackRow { BatchId = batchId, State = (int)PackState.Active, StateAtMs = batch.ReceivedAtMs, HolderGln = request.ManufacturerGln };
            using var random = new BufferedRandom();
            for (var i = 0; i < identifiers.Count; i++)
            {
                row.Identifier = identifiers[i];
                row.ScratchHash = hashes[i];
                while (!packs.Insert(row))
                {
                    PackRequestException.Require(imported ? $"{identifiers[i]} is already commissioned" : null);

                    // A random serial that already exists (probability ~N/2^60): draw again.
                    identifiers[i] = row.Identifier = PackIdentifier.ForGtinSerial(gtin14, SerialAlphabet.Generate(random));
                }
            }

            var entry = PackEntries.Commissioned(request, gtin14, identifiers, request.ScratchCodes, entrySeq);
            batch.Append(EntryKind.BatchCommissioned, entry, MerkleHash.Leaf(entry), SHA256.HashData(entry), null, null, identifiers);
            return entrySeq;
        }, cancellationToken);
        var result = new CommissionedPack[identifiers.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new CommissionedPack(identifiers[i], plain[i] is { } digits ? string.Join(' ', digits[..4], digits[4..8], digits[8..12], digits[12..]) : null);
        }

        return new CommissionResult(seq, gtin14, request.Lot, result);
    }

    /// <summary>Recalls (or withdraws) a batch or a whole product; throws <see cref="PackRequestException"/> when refused.</summary>
    public Task<RecallResult> RecallAsync(RecallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PackRequestException.Require(Gtin.TryNormalize(request.Gtin, out var gtin14) ? null : $"GTIN '{request.Gtin}' is not a valid GTIN");
        PackRequestException.Require(string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500 ? "a recall needs a reason of 1-500 characters" : null);
        return log.WriteAsync(batch =>
        {
            var packs = rules.Bind(batch.Connection, batch.Transaction);
            var product = packs.FindProduct(gtin14!) ?? throw new PackRequestException($"product {gtin14} is not known");
            var actor = packs.Party(request.ActorGln);
            PackRequestException.Require(actor is not null && (actor.Role == PartyRole.Regulator || product.OwnerGln == actor.Gln) ? null : $"{request.ActorGln} is neither the manufacturer of {gtin14} nor a regulator");
            PackRequestException.Require(request.Lot is not null && packs.FindBatch(gtin14!, request.Lot) is null ? $"batch {request.Lot} of {gtin14} is not known" : null);
            var entry = PackEntries.Recalled(request, gtin14!, batch.NextSeq);
            var seq = batch.Append(EntryKind.BatchRecalled, entry, MerkleHash.Leaf(entry), SHA256.HashData(entry), null, null, []);
            var count = packs.MarkRecalled(gtin14!, request.Lot, request.Withdrawal, request.Reason, batch.ReceivedAtMs);
            return new RecallResult(seq, count);
        }, cancellationToken);
    }

    private static string Validate(CommissionRequest request)
    {
        PackRequestException.Require(Gtin.TryNormalize(request.Gtin, out var gtin14) ? null : $"GTIN '{request.Gtin}' is not a valid GTIN (8, 12, 13 or 14 digits with its check digit)");
        PackRequestException.Require(request.Lot is { Length: >= 1 and <= 20 } && request.Lot.All(c => Gs1CharSets.Contains(Gs1CharSet.Cset82, c)) ? null : $"lot '{request.Lot}' must be 1-20 characters of GS1 CSET 82");
        BatchDates.Parse(request.Expiry, out var expiryProblem);
        PackRequestException.Require(expiryProblem);
        var p = request.Product ?? throw new PackRequestException("product data is required");
        PackRequestException.Require(new[] { p.Name, p.Strength, p.Form }.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 200) ? "product name, strength and form must each be 1-200 characters" : null);
        PackRequestException.Require(p.PackSize is < 1 or > 100_000 ? "pack size must be 1-100000" : null);
        PackRequestException.Require(request.ImportedSerials is not null && request.ChinaCodes is not null ? "give imported serials or China codes, not both" : null);
        var count = request.ImportedSerials?.Count ?? request.ChinaCodes?.Count ?? request.Count;
        PackRequestException.Require(count is < 1 or > CommissionRequest.MaxPacks ? $"a batch has 1-{CommissionRequest.MaxPacks} packs ({count} given)" : null);
        return gtin14!;
    }

    private static List<string> Identifiers(CommissionRequest request, string gtin14)
    {
        var identifiers = new List<string>(request.ImportedSerials?.Count ?? request.ChinaCodes?.Count ?? request.Count);
        if (request.ImportedSerials is { } serials)
        {
            identifiers.AddRange(serials.Select(s => Identifier(() => PackIdentifier.ForGtinSerial(gtin14, s ?? ""))));
        }
        else if (request.ChinaCodes is { } codes)
        {
            identifiers.AddRange(codes.Select(c => ChinaDrugCode.TryParse(c, out var code, out var error)
                ? PackIdentifier.ForChinaCode(code.Canonical)
                : throw new PackRequestException($"China code '{c}': {error.Message}")));
        }
        else
        {
            using var random = new BufferedRandom();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (identifiers.Count < request.Count)
            {
                var serial = SerialAlphabet.Generate(random);
                if (seen.Add(serial))
                {
                    identifiers.Add("gtin:" + gtin14 + ":ser:" + serial);
                }
            }

            // In key order, the inserts into the packs and item-chain indexes touch each page once.
            identifiers.Sort(StringComparer.Ordinal);
        }

        var duplicate = identifiers.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        PackRequestException.Require(duplicate is not null ? $"{duplicate!.Key} is listed twice" : null);
        return identifiers;
    }

    private static string Identifier(Func<string> make)
    {
        try
        {
            return make();
        }
        catch (FormatException e)
        {
            throw new PackRequestException(e.Message, e);
        }
    }

    private static void CheckOwnership(PackTable packs, CommissionRequest request, string gtin14)
    {
        PackRequestException.Require(packs.Party(request.ManufacturerGln) is { Role: PartyRole.Manufacturer } ? null : $"party {request.ManufacturerGln} is not a registered manufacturer");
        if (packs.FindProduct(gtin14) is { } product)
        {
            PackRequestException.Require(product.OwnerGln == request.ManufacturerGln ? null : $"GTIN {gtin14} belongs to {product.OwnerGln}");
            return;
        }

        // GTIN-14 = indicator digit + the GTIN-13, which starts with the company prefix.
        var owns = packs.PrefixesOf(request.ManufacturerGln).Any(prefix => gtin14.AsSpan(1).StartsWith(prefix, StringComparison.Ordinal));
        PackRequestException.Require(owns ? null : $"GTIN {gtin14} is not under a company prefix registered to {request.ManufacturerGln}");
    }
}
