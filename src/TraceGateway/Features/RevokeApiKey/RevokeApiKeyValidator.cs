using FluentValidation;

namespace TraceGateway.Features.RevokeApiKey;

public sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyValidator()
    {
        RuleFor(x => x.KeyId).NotEmpty().Matches("^tlk_[0-9a-f]{16}$").WithMessage("'keyId' must look like tlk_ followed by 16 hex digits.");
    }
}
