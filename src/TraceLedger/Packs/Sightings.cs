using System.Globalization;
using TraceLedger.Packs.Storage;

namespace TraceLedger.Packs;

/// <summary>
/// Records where a pack was last seen and raises an impossible-travel alert when the party seeing it now is
/// farther from the last one than <see cref="PackPolicy.MaxTravelSpeedKmh"/> allows in the time between: two
/// physical packs carry the same serial.
/// </summary>
internal static class Sightings
{
    /// <summary>Updates the last sighting; true when this one raised an impossible-travel alert.</summary>
    public static bool Record(PackTable table, PackRow pack, PartyInfo? party, DateTimeOffset seenAt, DateTimeOffset now, PackPolicy policy)
    {
        if (party is null)
        {
            return false;
        }

        var raised = false;

        if (pack.LastSeenGln is { } lastGln && lastGln != party.Gln && pack.LastSeenAtMs is { } lastMs
            && party.Latitude is { } lat && party.Longitude is { } lon
            && table.Party(lastGln) is { Latitude: { } lastLat, Longitude: { } lastLon })
        {
            var km = Travel.DistanceKm(lastLat, lastLon, lat, lon);
            var elapsed = seenAt - DateTimeOffset.FromUnixTimeMilliseconds(lastMs);
            if (Travel.IsImplausible(km, elapsed, policy.MaxTravelSpeedKmh))
            {
                table.InsertAlert(
                    AlertCode.ImpossibleTravel,
                    pack.Identifier,
                    party.Gln,
                    party.Gln,
                    now.ToUnixTimeMilliseconds(),
                    string.Create(CultureInfo.InvariantCulture, $"seen at {party.Gln} {km:0} km from {lastGln} within {Math.Abs(elapsed.TotalHours):0.##} h (limit {policy.MaxTravelSpeedKmh:0} km/h): possibly a cloned serial"));
                raised = true;
            }
        }

        pack.LastSeenGln = party.Gln;
        pack.LastSeenAtMs = seenAt.ToUnixTimeMilliseconds();
        return raised;
    }
}
