using FluentValidation;

namespace TraceGateway.Features.ApplyPackOperation;

public sealed class ApplyPackOperationValidator : AbstractValidator<ApplyPackOperationCommand>
{
    public ApplyPackOperationValidator()
    {
        RuleFor(x => x.Problem).Null().OverridePropertyName("body").WithMessage(x => x.Problem);
        RuleFor(x => x.Hop).NotNull().When(x => x.Problem is null).OverridePropertyName("body");
    }
}
