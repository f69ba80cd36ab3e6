using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using TraceChain.Protocol.Text;

namespace TraceChain.Protocol.Scratch;

/// <summary>
/// A scratch-off code as the platform issues it: 16 decimal digits shown in four groups of four
/// (<c>4830 1275 9916 0243</c>). The first 15 digits are uniformly random, drawn from a cryptographic random
/// number generator; the 16th is a <see cref="DammCheckDigit">Damm check digit</see>.
/// </summary>
/// <remarks>
/// <para>Digits only, because consumers type the code on a phone keypad in Chinese or English.</para>
/// <para>Damm rather than Luhn: Luhn misses the 09↔90 transposition; Damm, like Verhoeff, catches every single-digit
/// error and every adjacent transposition, but with one table and no position-dependent permutations, so the
/// consumer page and firmware can re-implement it without mistakes.</para>
/// <para>15 random digits are 10^15 codes (about 49.8 bits): even with 10^10 codes issued, a guessed code matches one
/// with probability 10^-5, below the 1 in 10,000 that EU Delegated Regulation 2016/161 art. 4 sets for serials.</para>
/// </remarks>
public sealed record ScratchCode
{
    /// <summary>Digits in a code, check digit included.</summary>
    public const int Length = 16;

    /// <summary>Digits per group when the code is shown to a person.</summary>
    public const int GroupSize = 4;

    /// <summary>Random digits before the check digit.</summary>
    public const int PayloadLength = Length - 1;

    private const string What = "scratch-off code";

    private ScratchCode(string digits) => Digits = digits;

    /// <summary>The canonical form: 16 ASCII digits, check digit last, no separators.</summary>
    public string Digits { get; }

    /// <summary>
    /// Draws a new code from <paramref name="random"/>, which must be a cryptographic generator (for example
    /// <see cref="RandomNumberGenerator.Create()"/>): scratch codes are secrets.
    /// </summary>
    public static ScratchCode Generate(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<char> payload = stackalloc char[PayloadLength];
        Span<byte> buffer = stackalloc byte[32];
        var filled = 0;
        while (filled < PayloadLength)
        {
            random.GetBytes(buffer);
            foreach (var b in buffer)
            {
                // Rejecting 250..255 keeps every digit equally likely (256 is not a multiple of 10).
                if (b < 250 && filled < PayloadLength)
                {
                    payload[filled++] = (char)('0' + (b % 10));
                }
            }
        }

        return FromPayload(payload);
    }

    /// <summary>Builds the code for 15 given digits by appending their check digit.</summary>
    /// <exception cref="ArgumentException">Not exactly 15 ASCII digits.</exception>
    public static ScratchCode FromPayload(ReadOnlySpan<char> payload)
    {
        if (payload.Length != PayloadLength || payload.ContainsAnyExcept("0123456789"))
        {
            throw new ArgumentException($"A scratch-off code payload is exactly {PayloadLength} ASCII digits.", nameof(payload));
        }

        return new ScratchCode(string.Concat(payload, [DammCheckDigit.Compute(payload)]));
    }

    /// <summary>Parses what a person typed; throws <see cref="FormatException"/> naming the problem.</summary>
    public static ScratchCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var code, out var error) ? code : throw new FormatException(error.Message);
    }

    /// <summary>
    /// Parses what a person typed. Whitespace of any kind (ideographic space included) and dashes are ignored,
    /// full-width digits are accepted; anything else, a wrong count of digits or a wrong check digit is refused.
    /// </summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out ScratchCode? code,
        [NotNullWhen(false)] out CodeInputError? error)
    {
        code = null;
        var normalized = TypedDigits.Normalize(text);
        error = TypedDigits.CheckDigits(normalized, Length, What);
        if (error is not null)
        {
            return false;
        }

        if (!DammCheckDigit.IsValid(normalized))
        {
            error = new CodeInputError(
                CodeInputErrorKind.CheckDigitMismatch,
                "The scratch-off code's digits do not match its check digit: probably a typo. Compare each digit with the card.");
            return false;
        }

        code = new ScratchCode(normalized);
        return true;
    }

    /// <summary>The code in groups of four, separated by <paramref name="separator"/>.</summary>
    public string Format(char separator = ' ') =>
        string.Join(separator, Enumerable.Range(0, Length / GroupSize).Select(g => Digits.Substring(g * GroupSize, GroupSize)));

    /// <inheritdoc/>
    public override string ToString() => Format();

    /// <inheritdoc/>
    public bool Equals(ScratchCode? other) => other is not null && string.Equals(Digits, other.Digits, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Digits);
}
