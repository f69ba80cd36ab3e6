using TraceLedger.Log;

namespace TraceLedger.Api;

/// <summary>POST /v1/hops: batch append with one receipt per hop.</summary>
public static class HopEndpoints
{
    /// <summary>Largest request body accepted (a full batch of large hops fits).</summary>
    public const int MaxBodyBytes = 32 << 20;

    public static IEndpointRouteBuilder MapHopEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/hops");
        group.MapPost("", AppendAsync);
        return routes;
    }

    private static async Task<IResult> AppendAsync(HttpRequest request, Ledger ledger, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem($"Body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        HopBatch batch;
        try
        {
            batch = HopBatchReader.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (FormatException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Malformed hop batch");
        }

        var receipts = new ReceiptResponse[batch.Count];
        foreach (var (index, problem) in batch.Malformed)
        {
            receipts[index] = WireNames.Receipt(index, HopReceipt.Refused(RefusalReason.MalformedHop, problem));
        }

        var appended = await ledger.AppendAsync(batch.Hops.Select(h => h.Hop).ToList(), cancellationToken);
        for (var i = 0; i < appended.Count; i++)
        {
            var index = batch.Hops[i].Index;
            receipts[index] = WireNames.Receipt(index, appended[i]);
        }

        var checkpoint = ledger.Checkpoint;
        return TypedResults.Ok(new HopBatchResponse(receipts, checkpoint.TreeSize, checkpoint.SignedNote));
    }
}
