using FluentValidation;

namespace TraceGateway.Features.AppendHops;

public sealed class AppendHopsValidator : AbstractValidator<AppendHopsCommand>
{
    public AppendHopsValidator()
    {
        RuleFor(x => x.Problem).Null().WithName("body").WithMessage(x => x.Problem);
        RuleFor(x => x.Batch).NotNull().When(x => x.Problem is null).WithName("body");
        RuleFor(x => x.Batch!.Count).GreaterThan(0).When(x => x.Batch is not null).WithName("hops").WithMessage("The batch holds no hops.");
    }
}
