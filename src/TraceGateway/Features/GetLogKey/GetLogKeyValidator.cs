using FluentValidation;

namespace TraceGateway.Features.GetLogKey;

/// <summary>Nothing to check: the query has no parameters.</summary>
public sealed class GetLogKeyValidator : AbstractValidator<GetLogKeyQuery>;
