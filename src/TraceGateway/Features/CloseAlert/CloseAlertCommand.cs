using MediatR;

namespace TraceGateway.Features.CloseAlert;

/// <summary>Closes alert <paramref name="Id"/> with its root cause: technical (e.g. scanner setup), procedural or suspected_falsification.</summary>
public sealed record CloseAlertCommand(long Id, string? RootCause, string? Note) : IRequest<bool>;
