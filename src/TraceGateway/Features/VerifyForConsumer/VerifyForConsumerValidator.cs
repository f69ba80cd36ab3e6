using FluentValidation;

namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>Only bounds here: a code that does not parse is an answer for the consumer (invalid code), not a 400.</summary>
public sealed class VerifyForConsumerValidator : AbstractValidator<VerifyForConsumerQuery>
{
    public VerifyForConsumerValidator()
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.DigitalLink) || !string.IsNullOrWhiteSpace(x.TypedCode) || !string.IsNullOrWhiteSpace(x.ScratchCode))
            .OverridePropertyName("code").WithMessage("Give the code on the pack or its scratch-off code.");
        RuleFor(x => x.DigitalLink).MaximumLength(VerifyForConsumerQuery.MaxCodeLength);
        RuleFor(x => x.TypedCode).MaximumLength(VerifyForConsumerQuery.MaxCodeLength).OverridePropertyName("code");
        RuleFor(x => x.ScratchCode).MaximumLength(64).OverridePropertyName("scratch");
    }
}
