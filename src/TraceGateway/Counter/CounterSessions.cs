using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TraceGateway.Counter;

/// <summary>
/// Counter session state, kept in memory by the session id in the authentication cookie and dropped after the same
/// idle time as the cookie (or at logout). A cookie whose session is gone is refused, so signing out ends the session even
/// for a copied cookie. A restart ends every session (sign in again); dispenses are in the ledger, never here.
/// </summary>
public sealed class CounterSessions(IMemoryCache cache, IOptions<CounterSettings> settings)
{
    /// <summary>The session's state, made on first use.</summary>
    public CounterSession Get(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var s = settings.Value;
        return cache.GetOrCreate(Key(sessionId), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(s.SessionMinutes);
            return new CounterSession(GsSubstitutes.IsKnown(s.DefaultGsSubstitute) ? s.DefaultGsSubstitute : "", Math.Max(1, s.HistorySize));
        })!;
    }

    /// <summary>True while the session is live: not signed out, not idle too long, not lost to a restart.</summary>
    public bool IsLive(string? sessionId) => !string.IsNullOrEmpty(sessionId) && cache.TryGetValue(Key(sessionId), out _);

    /// <summary>Forgets the session (logout).</summary>
    public void Remove(string sessionId) => cache.Remove(Key(sessionId));

    private static string Key(string sessionId) => "counter-session:" + sessionId;
}
