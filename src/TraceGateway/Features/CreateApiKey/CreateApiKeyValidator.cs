using FluentValidation;
using TraceGateway.Security;
using TraceGateway.Validation;

namespace TraceGateway.Features.CreateApiKey;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(x => x.Role).Must(r => r is not null && GatewayRoles.All.Contains(r))
            .WithMessage($"'role' must be one of {string.Join(", ", GatewayRoles.All)}.");
        RuleFor(x => x.Subject).Gln().When(x => x.Role is not null && GatewayRoles.IsPartyRole(x.Role));
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(64)
            .Must(s => s is not null && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
            .When(x => x.Role == GatewayRoles.Admin)
            .WithMessage("'subject' of an admin key must be 1-64 characters of A-Z a-z 0-9 . _ - @.");
    }
}
