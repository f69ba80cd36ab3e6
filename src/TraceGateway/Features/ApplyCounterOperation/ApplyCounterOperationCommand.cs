using MediatR;
using TraceLedger.Packs;

namespace TraceGateway.Features.ApplyCounterOperation;

/// <summary>
/// A dispense or undo from the counter page: the gateway builds the hop for the pharmacy's counter device, signs it
/// with the key it holds, and applies it like POST /v1/packs/operations.
/// </summary>
/// <param name="PartyGln">The pharmacy (from the session), also the hop's location.</param>
/// <param name="Action">Dispense or undo.</param>
/// <param name="Identifier">Canonical pack identifier read from the scan.</param>
/// <param name="Batch">AI 10 as read.</param>
/// <param name="Expiry">AI 17 as read (YYMMDD).</param>
/// <param name="RawScan">The scan as read (GS restored), kept in the hop.</param>
public sealed record ApplyCounterOperationCommand(string? PartyGln, CounterAction Action, string? Identifier, string? Batch, string? Expiry, string? RawScan) : IRequest<PackOperationResult>;
