namespace TraceLedger.Packs;

/// <summary>Great-circle distance, for the "seen at two places farther apart than travel allows" check.</summary>
public static class Travel
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in km between two coordinates in degrees.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// True when going <paramref name="distanceKm"/> in <paramref name="elapsed"/> is faster than <paramref name="maxSpeedKmh"/>.
    /// Sightings within 5 km are never implausible (neighbouring sites, coordinate precision).
    /// </summary>
    public static bool IsImplausible(double distanceKm, TimeSpan elapsed, double maxSpeedKmh) =>
        distanceKm > 5 && distanceKm > maxSpeedKmh * Math.Max(0, Math.Abs(elapsed.TotalHours));
}
