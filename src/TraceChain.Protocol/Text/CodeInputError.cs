namespace TraceChain.Protocol.Text;

/// <summary>A refused code: what went wrong (<see cref="Kind"/>) and a sentence a person can act on.</summary>
/// <param name="Kind">The category of the problem.</param>
/// <param name="Message">A plain-language explanation that names the problem.</param>
/// <param name="Position">Zero-based index, in the normalised input, of the offending character when there is one.</param>
public sealed record CodeInputError(CodeInputErrorKind Kind, string Message, int? Position = null);
