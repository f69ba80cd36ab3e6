namespace TraceLedger.Api;

/// <summary>Closes an alert: root cause <c>technical</c>, <c>procedural</c> or <c>suspected_falsification</c>, and a note.</summary>
public sealed record CloseAlertBody(string? RootCause, string? Note);
