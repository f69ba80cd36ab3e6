using FluentValidation;

namespace TraceGateway.Features.CloseAlert;

public sealed class CloseAlertValidator : AbstractValidator<CloseAlertCommand>
{
    public CloseAlertValidator()
    {
        RuleFor(x => x.Id).GreaterThan(0);
        RuleFor(x => x.RootCause).Must(c => c is "technical" or "procedural" or "suspected_falsification")
            .WithMessage("'rootCause' must be technical, procedural or suspected_falsification.");
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}
