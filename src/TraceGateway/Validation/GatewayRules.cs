using FluentValidation;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Signing;

namespace TraceGateway.Validation;

/// <summary>Validation rules shared by several requests.</summary>
public static class GatewayRules
{
    /// <summary>A 13-digit GLN with a correct GS1 check digit.</summary>
    public static IRuleBuilderOptions<T, string?> Gln<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(g => g is not null && g.All(char.IsAsciiDigit) && CheckDigit.IsValidGln(g))
            .WithMessage("'{PropertyName}' must be a 13-digit GLN with a valid check digit.");

    /// <summary>A device id as the ledger accepts it: 1-64 of A-Z a-z 0-9 . _ : -.</summary>
    public static IRuleBuilderOptions<T, string?> DeviceId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(id => id is { Length: <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            .WithMessage("'{PropertyName}' must be 1-64 characters of A-Z a-z 0-9 . _ : -.");

    /// <summary>Standard base64 of a DER SubjectPublicKeyInfo holding an ECDSA P-256 key.</summary>
    public static IRuleBuilderOptions<T, string?> P256PublicKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(IsP256Key).WithMessage("'{PropertyName}' must be standard base64 of a DER SubjectPublicKeyInfo of an ECDSA P-256 key.");

    private static bool IsP256Key(string? base64)
    {
        try
        {
            using var key = DeviceKeys.ImportPublicKey(base64 ?? "");
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
