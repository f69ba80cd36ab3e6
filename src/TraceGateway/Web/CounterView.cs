using TraceGateway.Counter;

namespace TraceGateway.Web;

/// <summary>What the counter page shows: the pharmacy, its scanner's GS setting, the last scans (newest first) and an error, if any.</summary>
/// <param name="PartyGln">The signed-in pharmacy.</param>
/// <param name="GsSubstitute">What the scanner types for GS ("" for none).</param>
/// <param name="Scans">The session's last scans, newest first; the first is shown large.</param>
/// <param name="Error">An <see cref="CounterText.Errors"/> key, when the last form was refused.</param>
/// <param name="Antiforgery">The antiforgery form field name and request token for every form on the page.</param>
public sealed record CounterView(string PartyGln, string GsSubstitute, IReadOnlyList<CounterOutcome> Scans, string? Error, (string Field, string Token) Antiforgery);
