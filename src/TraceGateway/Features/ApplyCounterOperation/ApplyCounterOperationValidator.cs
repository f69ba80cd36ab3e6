using FluentValidation;
using TraceChain.Protocol.Hops;
using TraceGateway.Validation;

namespace TraceGateway.Features.ApplyCounterOperation;

public sealed class ApplyCounterOperationValidator : AbstractValidator<ApplyCounterOperationCommand>
{
    public ApplyCounterOperationValidator()
    {
        RuleFor(x => x.PartyGln).Gln();
        RuleFor(x => x.Action).IsInEnum();
        RuleFor(x => x.Identifier).Must(i => PackIdentifier.Problem(i) is null).WithMessage(x => "'identifier' is not a pack identifier: " + PackIdentifier.Problem(x.Identifier));
        RuleFor(x => x.Batch).MaximumLength(20);
        RuleFor(x => x.Expiry).Matches("^[0-9]{6}$").When(x => x.Expiry is not null).WithMessage("'expiry' must be YYMMDD.");
        RuleFor(x => x.RawScan).MaximumLength(HopRules.MaxRawScanLength);
    }
}
