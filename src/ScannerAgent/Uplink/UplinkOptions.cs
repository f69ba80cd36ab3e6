namespace ScannerAgent.Uplink;

/// <summary>Batching and retry of the uplink.</summary>
/// <param name="BatchSize">Most hops per request.</param>
/// <param name="RetryMin">First wait after a failure; doubles per consecutive failure.</param>
/// <param name="RetryMax">Longest wait.</param>
/// <param name="IdlePoll">How often an idle uplink looks at the outbox even without a wake-up.</param>
public sealed record UplinkOptions(int BatchSize, TimeSpan RetryMin, TimeSpan RetryMax, TimeSpan IdlePoll);
