using MediatR;
using TraceLedger.Packs;

namespace TraceGateway.Features.ListAlerts;

/// <summary>Alerts, newest first, filtered by code (wire name), open/closed, pack identifier and actor GLN.</summary>
public sealed record ListAlertsQuery(string? Code, bool? Open, string? Identifier, string? Actor, int? Limit) : IRequest<IReadOnlyList<Alert>>;
