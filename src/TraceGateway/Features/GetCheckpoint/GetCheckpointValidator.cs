using FluentValidation;

namespace TraceGateway.Features.GetCheckpoint;

/// <summary>Nothing to check: the query has no parameters (present so every request goes through the same pipeline).</summary>
public sealed class GetCheckpointValidator : AbstractValidator<GetCheckpointQuery>;
