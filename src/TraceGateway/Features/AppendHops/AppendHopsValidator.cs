using FluentValidation;

namespace TraceGateway.Features.AppendHops;

public sealed class AppendHopsValidator : AbstractValidator<AppendHopsCommand>
{
    public AppendHopsValidator()
    {
        RuleFor(x => x.Problem).Null().OverridePropertyName("body").WithMessage(x => x.Problem);
        RuleFor(x => x.Batch).NotNull().When(x => x.Problem is null).OverridePropertyName("body");
        RuleFor(x => x.Batch!.Count).GreaterThan(0).When(x => x.Batch is not null).OverridePropertyName("hops").WithMessage("The batch holds no hops.");
    }
}
