using MediatR;
using TraceChain.Protocol.Signing;
using TraceLedger.Packs;

namespace TraceGateway.Features.ApplyPackOperation;

/// <summary>
/// One device-signed hop applied as a pack operation (dispense, undo a dispense, ship, receive, …), answered with the
/// lifecycle's refusal code and the packs' status. <see cref="Problem"/> is set when the body is not a signed hop.
/// </summary>
public sealed record ApplyPackOperationCommand(SignedHop? Hop, string? Problem) : IRequest<PackOperationResult>
{
    /// <summary>Binds from the raw body: the signed bytes reach the ledger untouched.</summary>
    public static async ValueTask<ApplyPackOperationCommand?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        try
        {
            return new ApplyPackOperationCommand(SignedHop.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), null);
        }
        catch (FormatException e)
        {
            return new ApplyPackOperationCommand(null, e.Message);
        }
    }
}
