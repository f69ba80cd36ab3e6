using Microsoft.Data.Sqlite;
using TraceLedger.Packs;
using TraceLedger.Packs.Storage;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// Writes commissioned batches straight into the pack tables: the product, batch and pack rows that
/// <see cref="CommissioningService.CommissionAsync"/> writes (active, held by the manufacturer, scratch codes
/// stored as HMACs under the server secret, each batch's identifiers inserted in key order), without the
/// commissioning log entry and item chains, which no verdict reads.
/// </summary>
public static class PackSynthesizer
{
    /// <summary>One batch to write.</summary>
    /// <param name="Gtin">GTIN-14 of its product.</param>
    /// <param name="Lot">Lot (AI 10).</param>
    /// <param name="Identifiers">Canonical pack identifiers.</param>
    /// <param name="ScratchDigits">The 16 scratch-code digits of each pack (same order), or null for none.</param>
    public sealed record Batch(string Gtin, string Lot, IReadOnlyList<string> Identifiers, IReadOnlyList<string>? ScratchDigits);

    /// <summary>
    /// Commissions <paramref name="batches"/> (enumerated lazily: one batch in memory at a time) for
    /// <paramref name="manufacturerGln"/>, at <paramref name="atMs"/>, as if by log entry <paramref name="commissionedSeq"/>.
    /// </summary>
    public static void Write(
        SqliteConnection connection, IEnumerable<Batch> batches, string manufacturerGln, string expiry, ProductData product,
        ScratchSecret secret, long commissionedSeq, long atMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(secret);
        var expiresOn = BatchDates.ToNumber(BatchDates.Parse(expiry, out var problem) ?? throw new ArgumentException(problem, nameof(expiry)));
        using var model = PackSchema.CreateContext(connection);
        using var products = new ModelTable<ProductRow>(model, connection);
        using var batchRows = new ModelTable<BatchRow>(model, connection);
        using var packs = new ModelTable<PackRow>(model, connection);
        var knownProducts = new HashSet<string>(model.Products.Select(p => p.Gtin), StringComparer.Ordinal);
        var batchId = model.Batches.Select(b => (long?)b.Id).Max() ?? 0;
        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = Enumerable.Range(0, batch.Identifiers.Count).ToArray();
            Array.Sort(order, (a, b) => string.CompareOrdinal(batch.Identifiers[a], batch.Identifiers[b]));
            var hashes = new byte[]?[order.Length];
            if (batch.ScratchDigits is { } digits)
            {
                Parallel.For(0, hashes.Length, k => hashes[k] = secret.Hash(digits[order[k]]));
            }

            using var transaction = connection.BeginTransaction();
            if (knownProducts.Add(batch.Gtin))
            {
                products.Insert(new ProductRow
                {
                    Gtin = batch.Gtin, OwnerGln = manufacturerGln, Name = product.Name, Strength = product.Strength, Form = product.Form,
                    PackSize = product.PackSize, PublishManufacturer = product.PublishManufacturer,
                });
            }

            batchRows.Insert(new BatchRow
            {
                Id = ++batchId, Gtin = batch.Gtin, Lot = batch.Lot, Expiry = expiry, ExpiresOn = expiresOn,
                CommissionedSeq = commissionedSeq, CommissionedAtMs = atMs,
            });
            var row = new PackRow { BatchId = batchId, State = (int)PackState.Active, StateAtMs = atMs, HolderGln = manufacturerGln };
            for (var k = 0; k < order.Length; k++)
            {
                row.Identifier = batch.Identifiers[order[k]];
                row.ScratchHash = hashes[k];
                packs.Insert(row);
            }

            transaction.Commit();
        }
    }
}
