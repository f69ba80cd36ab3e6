using FluentValidation;

namespace TraceGateway.Features.VerifyPhoto;

/// <summary>Only bounds here: a missing, unreadable or oversized photo is an answer for the consumer, not a 400.</summary>
public sealed class VerifyPhotoValidator : AbstractValidator<VerifyPhotoQuery>
{
    public VerifyPhotoValidator()
    {
        RuleFor(x => x.Length).GreaterThanOrEqualTo(x => x.Photo.Length).WithMessage("The photo's length must cover its bytes.");
    }
}
