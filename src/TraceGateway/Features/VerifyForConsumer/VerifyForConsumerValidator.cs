using FluentValidation;

namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>Only bounds here: a code that does not parse is an answer for the consumer (invalid code), not a 400.</summary>
public sealed class VerifyForConsumerValidator : AbstractValidator<VerifyForConsumerQuery>
{
    public VerifyForConsumerValidator()
    {
        RuleFor(x => x).Must(x => string.IsNullOrEmpty(x.DigitalLink) != string.IsNullOrEmpty(x.TypedCode))
            .OverridePropertyName("code").WithMessage("Give exactly one code.");
        RuleFor(x => x.DigitalLink).MaximumLength(1024);
        RuleFor(x => x.TypedCode).MaximumLength(1024).OverridePropertyName("code");
    }
}
