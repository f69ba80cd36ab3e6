using FluentValidation;
using TraceChain.Protocol.Gs1;
using TraceGateway.Validation;
using TraceLedger.Packs;

namespace TraceGateway.Features.CommissionBatch;

public sealed class CommissionBatchValidator : AbstractValidator<CommissionBatchCommand>
{
    public CommissionBatchValidator()
    {
        RuleFor(x => x.ManufacturerGln).Gln();
        RuleFor(x => x.Gtin).NotEmpty().Must(g => g is not null && g.All(char.IsAsciiDigit) && CheckDigit.IsValidGtin(g))
            .WithMessage("'gtin' must be 8, 12, 13 or 14 digits with a valid check digit.");
        RuleFor(x => x.Lot).NotEmpty().MaximumLength(20);
        RuleFor(x => x.Expiry).NotEmpty().Matches("^[0-9]{6}$").WithMessage("'expiry' must be YYMMDD.");
        RuleFor(x => x.Product).NotNull();
        RuleFor(x => x.Product!.Name).NotEmpty().MaximumLength(200).When(x => x.Product is not null).OverridePropertyName("product.name");
        RuleFor(x => x.Product!.PackSize).GreaterThan(0).When(x => x.Product is not null).OverridePropertyName("product.packSize");
        RuleFor(x => x.Count).InclusiveBetween(0, CommissionRequest.MaxPacks);
        RuleFor(x => x).Must(x => x.Count > 0 || x.ImportedSerials is { Count: > 0 } || x.ChinaCodes is { Count: > 0 })
            .OverridePropertyName("count").WithMessage("Give a count of packs, imported serials or China codes.");
        RuleFor(x => x.ImportedSerials!.Count).LessThanOrEqualTo(CommissionRequest.MaxPacks).When(x => x.ImportedSerials is not null).OverridePropertyName("importedSerials");
        RuleFor(x => x.ChinaCodes!.Count).LessThanOrEqualTo(CommissionRequest.MaxPacks).When(x => x.ChinaCodes is not null).OverridePropertyName("chinaCodes");
    }
}
