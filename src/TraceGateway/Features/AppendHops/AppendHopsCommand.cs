using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.AppendHops;

/// <summary>
/// A batch of signed hops from an agent, in the ledger's own POST /v1/hops contract. <see cref="Problem"/> is set when
/// the body as a whole could not be read (the validator turns it into a 400).
/// </summary>
public sealed record AppendHopsCommand(HopBatch? Batch, string? Problem) : IRequest<HopBatchResponse>
{
    /// <summary>Binds from the raw body: the signed bytes must reach the ledger untouched, so no model binding.</summary>
    public static async ValueTask<AppendHopsCommand?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        try
        {
            return new AppendHopsCommand(HopBatchReader.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), null);
        }
        catch (FormatException e)
        {
            return new AppendHopsCommand(null, e.Message);
        }
    }
}
