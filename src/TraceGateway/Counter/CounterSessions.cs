using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TraceGateway.Counter;

/// <summary>
/// Counter session state, kept in memory by the session id in the authentication cookie and dropped after the same
/// idle time as the cookie, at sign-out, or when the API key it signed in with is revoked. A cookie whose session is
/// gone is refused, so signing out ends the session even for a copied cookie. A restart ends every session (sign in
/// again); dispenses are in the ledger, never here.
/// </summary>
public sealed class CounterSessions(IMemoryCache cache, IOptions<CounterSettings> settings)
{
    // Session id -> API key id, to end a key's sessions when it is revoked.
    private readonly ConcurrentDictionary<string, string> keyOf = new(StringComparer.Ordinal);

    /// <summary>Starts a session signed in with the API key <paramref name="keyId"/>.</summary>
    public CounterSession Start(string sessionId, string keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        keyOf[sessionId] = keyId;
        return Get(sessionId);
    }

    /// <summary>The session's state, made on first use.</summary>
    public CounterSession Get(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var s = settings.Value;
        return cache.GetOrCreate(Key(sessionId), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(s.SessionMinutes);
            entry.RegisterPostEvictionCallback((_, _, _, _) => keyOf.TryRemove(sessionId, out _));
            return new CounterSession(GsSubstitutes.IsKnown(s.DefaultGsSubstitute) ? s.DefaultGsSubstitute : "", Math.Max(1, s.HistorySize));
        })!;
    }

    /// <summary>True while the session is live: not signed out, not idle too long, its key not revoked, not lost to a restart.</summary>
    public bool IsLive(string? sessionId) => !string.IsNullOrEmpty(sessionId) && cache.TryGetValue(Key(sessionId), out _);

    /// <summary>Forgets the session (sign-out).</summary>
    public void Remove(string sessionId)
    {
        cache.Remove(Key(sessionId));
        keyOf.TryRemove(sessionId, out _);
    }

    /// <summary>Ends every session signed in with the API key <paramref name="keyId"/> (the key was revoked).</summary>
    public void EndForKey(string keyId)
    {
        foreach (var (sessionId, key) in keyOf)
        {
            if (key == keyId)
            {
                Remove(sessionId);
            }
        }
    }

    private static string Key(string sessionId) => "counter-session:" + sessionId;
}
