using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Hops;
using TraceLedger.Log;
using TraceLedger.Packs.Storage;

namespace TraceLedger.Packs;

/// <summary>
/// Verdicts for scanned packs. <see cref="Lookup"/> answers from indexed point reads on a pool of reader
/// connections (no write: the fast path); <see cref="VerifyAsync"/> also records the verification (count, first
/// time, scratch-code check) and raises alerts, through the log's single writer. The verdict reports the count and
/// first time it recorded, so it is answered only once that record is committed; concurrent verifications share one
/// transaction (group commit), each in its own savepoint. It is answered at commit, before the WAL sync that makes the
/// record durable milliseconds later (<see cref="AnswerPoint.Committed"/>): the verdict rests on state changes, which
/// are durable before they are answered, while the bookkeeping of a verification is worth less than making every
/// pharmacy wait for the disk. A killed process loses none of it; a power loss, what was recorded since the last sync.
/// The alerts a verification raises reach the notification feed only once durable.
/// </summary>
public sealed class VerdictService : IDisposable
{
    private readonly LogWriter log;
    private readonly PackRules rules;
    private readonly ScratchSecret secret;
    private readonly string connectionString;
    private readonly ConcurrentBag<PackTable> readers = [];

    internal VerdictService(LogWriter log, PackRules rules, ScratchSecret secret)
    {
        this.log = log;
        this.rules = rules;
        this.secret = secret;
        connectionString = new SqliteConnectionStringBuilder { DataSource = log.Store.Path, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
    }

    /// <summary>The verdict without recording anything (partner view).</summary>
    public Verdict Lookup(VerdictRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = readers.TryTake(out var pooled) ? pooled : new PackTable(OpenReader());
        try
        {
            return Evaluate(table, request, rules.Time.GetUtcNow()).Verdict;
        }
        finally
        {
            readers.Add(table);
        }
    }

    /// <summary>Verifies and records the verification; the partner view (the request names the verifying party).</summary>
    public Task<Verdict> VerifyAsync(VerdictRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return log.WriteGroupedAsync(batch => Record(rules.Bind(batch.Connection, batch.Transaction), request).Verdict, AnswerPoint.Committed, cancellationToken);
    }

    /// <summary>A consumer's verification, recorded, in the consumer view (no partner identities or locations).</summary>
    public Task<ConsumerVerdict> VerifyForConsumerAsync(VerdictRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var consumer = request with { PartyGln = null };
        return log.WriteGroupedAsync(batch =>
        {
            var evaluation = Record(rules.Bind(batch.Connection, batch.Transaction), consumer);
            return ForConsumer(evaluation.Verdict, evaluation.PublishManufacturer);
        }, AnswerPoint.Committed, cancellationToken);
    }

    public void Dispose()
    {
        while (readers.TryTake(out var table))
        {
            table.Dispose();
            table.Connection.Dispose();
        }
    }

    private static ConsumerVerdict ForConsumer(Verdict v, bool publish) => new(
        v.WireCode,
        v.Message,
        v.Product,
        publish ? v.Manufacturer : null,
        v.Lot,
        v.Expiry,
        v.FirstVerifiedAt,
        v.VerificationCount,
        v.DispensedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
        WireText.Snake(v.Scratch.ToString()));

    private Evaluation Record(PackTable table, VerdictRequest request)
    {
        var policy = rules.Policy;
        var now = rules.Time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        PartyInfo? party = null;
        if (request.PartyGln is { } gln)
        {
            party = table.Party(gln) ?? throw new PackRequestException($"party {gln} is not registered");
        }

        var evaluation = Evaluate(table, request, now);
        var verdict = evaluation.Verdict;
        var id = verdict.Identifier ?? request.Identifier;
        if (evaluation.Row is not { } row)
        {
            var unknown = verdict.Code == VerdictCode.UnknownBatch ? AlertCode.UnknownBatch : AlertCode.UnknownSerial;
            table.InsertAlert(unknown, id, request.PartyGln, request.PartyGln, nowMs, $"verification: {verdict.Message}");
            return evaluation;
        }

        row.VerificationCount++;
        row.FirstVerifiedAtMs ??= nowMs;
        if (verdict.Code is VerdictCode.BatchMismatch or VerdictCode.ExpiryMismatch)
        {
            var code = verdict.Code == VerdictCode.BatchMismatch ? AlertCode.BatchMismatch : AlertCode.ExpiryMismatch;
            table.InsertAlert(code, row.Identifier, request.PartyGln, request.PartyGln, nowMs, $"read batch '{request.Batch}' expiry '{request.Expiry}': {verdict.Message}");
        }

        var suspect = false;
        if (request.IsConsumer)
        {
            row.ConsumerCheckCount++;
            if (row.DispensedAtMs is { } dispensed && nowMs - dispensed > policy.LateConsumerCheck.TotalMilliseconds && !table.HasOpenAlert(row.Identifier, AlertCode.LateConsumerCheck))
            {
                table.InsertAlert(AlertCode.LateConsumerCheck, row.Identifier, null, null, nowMs, $"consumer check {(nowMs - dispensed) / 86_400_000} days after the dispense");
            }

            if (row.ConsumerCheckCount > policy.ConsumerCheckLimit && !table.HasOpenAlert(row.Identifier, AlertCode.FrequentConsumerChecks))
            {
                table.InsertAlert(AlertCode.FrequentConsumerChecks, row.Identifier, null, null, nowMs, $"{row.ConsumerCheckCount} consumer checks (limit {policy.ConsumerCheckLimit}): the code may be copied");
            }
        }
        else
        {
            suspect = Sightings.Record(table, row, party, now, now, policy);
        }

        switch (verdict.Scratch)
        {
            case ScratchOutcome.Valid:
                row.ScratchFirstVerifiedAtMs = nowMs;
                break;
            case ScratchOutcome.Reverified:
                table.InsertAlert(AlertCode.ScratchReverified, row.Identifier, request.PartyGln, request.PartyGln, nowMs, $"scratch code verified again (first on {verdict.ScratchFirstVerifiedAt:yyyy-MM-dd HH:mm} UTC)");
                break;
            case ScratchOutcome.Wrong:
                row.ScratchFailures++;
                if (row.ScratchFailures == policy.ScratchAttemptLimit)
                {
                    table.InsertAlert(AlertCode.ScratchBruteForce, row.Identifier, request.PartyGln, request.PartyGln, nowMs, $"{row.ScratchFailures} wrong scratch codes: the scratch check is locked");
                }

                break;
        }

        table.UpdateVerification(row);
        verdict = verdict with
        {
            FirstVerifiedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.FirstVerifiedAtMs.Value),
            VerificationCount = row.VerificationCount,
        };
        if (suspect && verdict.Code == VerdictCode.Genuine)
        {
            verdict = verdict with { Code = VerdictCode.Suspect, Message = VerdictMessages.For(VerdictCode.Suspect, verdict) };
        }

        return evaluation with { Verdict = verdict };
    }

    private Evaluation Evaluate(PackTable table, VerdictRequest request, DateTimeOffset now)
    {
        string? digits = null;
        if (request.ScratchCode is not null)
        {
            digits = TraceChain.Protocol.Scratch.ScratchCode.TryParse(request.ScratchCode, out var code, out var error) ? code.Digits : throw new PackRequestException(error.Message);
        }

        PackRow? row;
        if (request.Identifier is null)
        {
            row = digits is not null ? table.FindByScratch(secret.Hash(digits)) : throw new PackRequestException("give the pack's identifier or its scratch code");
            if (row is null)
            {
                return Unknown(VerdictCode.UnknownSerial, null);
            }
        }
        else
        {
            PackRequestException.Require(PackIdentifier.Problem(request.Identifier));
            row = table.Find(request.Identifier);
        }

        if (row is null)
        {
            var gtin = request.Identifier!.StartsWith("gtin:", StringComparison.Ordinal) ? request.Identifier.Substring(5, 14) : null;
            return gtin is not null && !table.HasProduct(gtin) ? Unknown(VerdictCode.UnknownProduct, request.Identifier)
                : gtin is not null && request.Batch is not null && table.FindBatch(gtin, request.Batch) is null ? Unknown(VerdictCode.UnknownBatch, request.Identifier)
                : Unknown(VerdictCode.UnknownSerial, request.Identifier);
        }

        var batch = row.BatchId is { } batchId ? table.FindBatch(batchId) : null;
        var product = batch is not null ? table.FindProduct(batch.Gtin) : null;
        var scratch = ScratchOutcome.NotChecked;
        if (digits is not null)
        {
            scratch = row.ScratchHash is null ? ScratchOutcome.NoScratchCode
                : row.ScratchFailures >= rules.Policy.ScratchAttemptLimit ? ScratchOutcome.Locked
                : !CryptographicOperations.FixedTimeEquals(secret.Hash(digits), row.ScratchHash) ? ScratchOutcome.Wrong
                : row.ScratchFirstVerifiedAtMs is null ? ScratchOutcome.Valid
                : ScratchOutcome.Reverified;
        }

        var state = (PackState)row.State;
        var code2 = request.Batch is not null && batch is not null && request.Batch != batch.Lot ? VerdictCode.BatchMismatch
            : request.Expiry is not null && batch is not null && request.Expiry != batch.Expiry ? VerdictCode.ExpiryMismatch
            : batch?.RecalledAtMs is not null ? VerdictCode.Recalled
            : batch?.WithdrawnAtMs is not null ? VerdictCode.Withdrawn
            : state switch
            {
                PackState.Dispensed => VerdictCode.AlreadyDispensed,
                PackState.Stolen => VerdictCode.Stolen,
                PackState.Destroyed => VerdictCode.Destroyed,
                PackState.Locked => VerdictCode.Locked,
                PackState.Sample => VerdictCode.Sample,
                PackState.Exported => VerdictCode.Exported,
                _ when batch is not null && BatchDates.IsExpired(batch.ExpiresOn, now) => VerdictCode.Expired,
                _ when scratch is ScratchOutcome.Wrong or ScratchOutcome.Locked => VerdictCode.Suspect,
                _ when table.HasOpenAlert(row.Identifier, AlertCode.ImpossibleTravel) => VerdictCode.Suspect,
                _ => VerdictCode.Genuine,
            };
        var verdict = new Verdict(
            code2,
            Emvs(code2),
            "",
            row.Identifier,
            batch?.Lot,
            batch?.Expiry,
            state,
            product is null ? null : new ProductInfo(product.Gtin, product.Name, product.Strength, product.Form, product.PackSize),
            product is null ? null : table.Party(product.OwnerGln)?.Name,
            Time(row.FirstVerifiedAtMs),
            row.VerificationCount,
            Time(row.DispensedAtMs),
            row.DispensedLocation,
            scratch,
            Time(row.ScratchFirstVerifiedAtMs));
        return new Evaluation(verdict with { Message = VerdictMessages.For(code2, verdict) }, row, product?.PublishManufacturer ?? false);
    }

    private static Evaluation Unknown(VerdictCode code, string? identifier)
    {
        var verdict = new Verdict(code, Emvs(code), "", identifier, null, null, null, null, null, null, 0, null, null, ScratchOutcome.NotChecked, null);
        return new Evaluation(verdict with { Message = VerdictMessages.For(code, verdict) }, null, false);
    }

    private static string? Emvs(VerdictCode code) => code switch
    {
        VerdictCode.UnknownBatch => "A2",
        VerdictCode.UnknownSerial => "A3",
        VerdictCode.AlreadyDispensed => "A7",
        VerdictCode.ExpiryMismatch => "A52",
        VerdictCode.BatchMismatch => "A68",
        _ => null,
    };

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA query_only=1;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private sealed record Evaluation(Verdict Verdict, PackRow? Row, bool PublishManufacturer);
}
