using Microsoft.AspNetCore.Http.HttpResults;
using TraceLedger.Log;

namespace TraceLedger.Api;

/// <summary>Checkpoint, log key, entries, inclusion and consistency proofs, and offline proof bundles.</summary>
public static class ProofEndpoints
{
    public static IEndpointRouteBuilder MapProofEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1");
        group.MapGet("/checkpoint", (Ledger ledger) =>
        {
            var checkpoint = ledger.Checkpoint;
            return TypedResults.Ok(new CheckpointResponse(checkpoint.TreeSize, Convert.ToBase64String(checkpoint.RootHash), checkpoint.SignedNote));
        });
        group.MapGet("/log-key", (Ledger ledger) =>
            TypedResults.Ok(new LogKeyResponse(ledger.Signer.Name, ledger.Signer.VerifierKey, Convert.ToBase64String(ledger.PublicKeySpki))));
        group.MapGet("/proofs/inclusion", InclusionAsync);
        group.MapGet("/proofs/consistency", ConsistencyAsync);
        group.MapGet("/entries/{seq:long}", EntryAsync);
        group.MapGet("/entries/{seq:long}/bundle", BundleAsync);
        group.MapGet("/items/{itemKey}/history", HistoryAsync);
        return routes;
    }

    private static async Task<IResult> InclusionAsync(long? seq, long? size, Ledger ledger, CancellationToken cancellationToken)
    {
        if (seq is null)
        {
            return BadRequest("Query parameter 'seq' is required.");
        }

        try
        {
            var proof = await ledger.InclusionProofAsync(seq.Value, size ?? ledger.Checkpoint.TreeSize, cancellationToken);
            return TypedResults.Ok(new InclusionProofResponse(proof.LeafIndex, proof.TreeSize, B64(proof.LeafHash), proof.AuditPath.Select(B64).ToList(), B64(proof.RootHash)));
        }
        catch (LedgerRangeException e)
        {
            return BadRequest(e.Message);
        }
    }

    private static async Task<IResult> ConsistencyAsync(long? from, long? to, Ledger ledger, CancellationToken cancellationToken)
    {
        if (from is null)
        {
            return BadRequest("Query parameter 'from' is required.");
        }

        try
        {
            var proof = await ledger.ConsistencyProofAsync(from.Value, to ?? ledger.Checkpoint.TreeSize, cancellationToken);
            return TypedResults.Ok(new ConsistencyProofResponse(proof.FromSize, proof.ToSize, B64(proof.FromRoot), B64(proof.ToRoot), proof.Proof.Select(B64).ToList()));
        }
        catch (LedgerRangeException e)
        {
            return BadRequest(e.Message);
        }
    }

    private static async Task<IResult> EntryAsync(long seq, Ledger ledger, CancellationToken cancellationToken)
    {
        var entry = await ledger.GetEntryAsync(seq, cancellationToken);
        return entry is null
            ? TypedResults.Problem($"There is no entry {seq}.", statusCode: StatusCodes.Status404NotFound)
            : Results.Bytes(entry.EntryBytes, "application/json");
    }

    private static async Task<IResult> BundleAsync(long seq, Ledger ledger, CancellationToken cancellationToken)
    {
        var bundle = await ledger.BundleAsync(seq, cancellationToken);
        return bundle is null
            ? TypedResults.Problem($"There is no entry {seq}.", statusCode: StatusCodes.Status404NotFound)
            : Results.Bytes(bundle.ToJson(), "application/json");
    }

    private static async Task<IResult> HistoryAsync(string itemKey, int? limit, Ledger ledger, CancellationToken cancellationToken)
    {
        var entries = await ledger.ItemHistoryAsync(itemKey, Math.Clamp(limit ?? 100, 1, 1000), cancellationToken);
        return TypedResults.Ok(entries.Select(e => new HistoryEntryResponse(e.Seq, B64(e.LeafHash), e.ReceivedAt, System.Text.Encoding.UTF8.GetString(e.EntryBytes))).ToList());
    }

    private static string B64(byte[] hash) => Convert.ToBase64String(hash);

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
