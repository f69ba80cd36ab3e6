using FluentValidation;

namespace TraceGateway.Features.VerifyPhoto;

/// <summary>Only bounds here: a missing, unreadable or oversized photo is an answer for the consumer, not a 400.</summary>
public sealed class VerifyPhotoValidator : AbstractValidator<VerifyPhotoQuery>
{
    public VerifyPhotoValidator()
    {
        RuleFor(x => x.Length).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Photo).Must(p => p is null || p.CanRead).WithMessage("The photo stream must be readable.");
    }
}
