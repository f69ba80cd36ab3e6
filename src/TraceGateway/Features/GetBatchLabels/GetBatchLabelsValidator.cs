using FluentValidation;
using TraceChain.Protocol.Gs1;
using TraceGateway.Validation;

namespace TraceGateway.Features.GetBatchLabels;

public sealed class GetBatchLabelsValidator : AbstractValidator<GetBatchLabelsQuery>
{
    public GetBatchLabelsValidator()
    {
        RuleFor(x => x.ManufacturerGln).Gln();
        RuleFor(x => x.Gtin).NotEmpty().Must(g => g is not null && g.All(char.IsAsciiDigit) && CheckDigit.IsValidGtin(g))
            .WithMessage("'gtin' must be 8, 12, 13 or 14 digits with a valid check digit.");
        RuleFor(x => x.Lot).NotEmpty().MaximumLength(20).OverridePropertyName("batch");
        RuleFor(x => x.Symbology).Must(s => s is GetBatchLabelsQuery.DataMatrix or GetBatchLabelsQuery.Gs1Qr or GetBatchLabelsQuery.DigitalLink)
            .WithMessage("'symbology' must be datamatrix, gs1qr or digitallink.");
        RuleFor(x => x.Format).Must(f => f is GetBatchLabelsQuery.Svg or GetBatchLabelsQuery.Png)
            .WithMessage("'format' must be svg or png.");
        RuleFor(x => x.After).Must(a => a is null || LabelCursor.TryParse(a, out _))
            .WithMessage("'after' is not a labels cursor: pass the after= value of the previous page's Link rel=\"next\" unchanged.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, GetBatchLabelsQuery.MaxPageSize);
        RuleFor(x => x.Columns).InclusiveBetween(1, 20);
    }
}
