namespace Vigil.Features.Orders;

/// <summary>A point on a local flat map, in metres east and north of the map's origin.</summary>
public readonly record struct LocalPoint(double East, double North);

/// <summary>
/// How far a place is from an exclusion zone's edge, for the order page's drawing and for rules that look for a
/// subject seen just outside a zone. Zones are at most tens of kilometres across, so an equirectangular projection
/// centred on the place measured is used rather than a geodesic library: it agrees with the great-circle distance to
/// well under a metre at 10 km (see the unit tests), far finer than a sighting's position is ever known.
/// </summary>
public static class ZoneGeometry
{
    /// <summary>The mean Earth radius (IUGG), in metres.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    private const double Radians = Math.PI / 180;

    /// <summary>
    /// Metres from the place to the zone's edge: positive outside the zone, negative inside (so -20 is 20 m inside),
    /// zero on the edge. Null when the condition is not an exclusion zone or its geometry is incomplete.
    /// </summary>
    public static double? DistanceOutsideMetres(OrderCondition zone, double latitude, double longitude)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone.Type != ConditionType.ExclusionZone)
        {
            return null;
        }
        if (zone.Polygon.Count >= 6)
        {
            return DistanceOutsidePolygonMetres(Pairs(zone.Polygon), latitude, longitude);
        }
        if (zone.Latitude is { } lat && zone.Longitude is { } lon && zone.RadiusMetres is { } radius)
        {
            return DistanceOutsideCircleMetres(lat, lon, radius, latitude, longitude);
        }
        return null;
    }

    public static double DistanceOutsideCircleMetres(double centreLatitude, double centreLongitude, double radiusMetres, double latitude, double longitude)
    {
        var centre = Project(latitude, longitude, centreLatitude, centreLongitude);
        return Math.Sqrt((centre.East * centre.East) + (centre.North * centre.North)) - radiusMetres;
    }

    /// <summary>The polygon's vertices are latitude, longitude pairs in order; the last joins back to the first.</summary>
    public static double DistanceOutsidePolygonMetres(IReadOnlyList<(double Latitude, double Longitude)> polygon, double latitude, double longitude)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        if (polygon.Count < 3)
        {
            throw new ArgumentException("A polygon needs at least three points.", nameof(polygon));
        }
        // The place is the projection's origin, so the distance to each edge is the distance from (0, 0).
        var points = polygon.Select(p => Project(latitude, longitude, p.Latitude, p.Longitude)).ToList();
        var nearest = double.MaxValue;
        var inside = false;
        for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
        {
            var a = points[j];
            var b = points[i];
            nearest = Math.Min(nearest, DistanceToSegment(a, b));
            // Even-odd rule: count the edges crossing the ray from the origin towards the east.
            if ((a.North > 0) != (b.North > 0))
            {
                var east = a.East + ((0 - a.North) * (b.East - a.East) / (b.North - a.North));
                if (east > 0)
                {
                    inside = !inside;
                }
            }
        }
        return inside ? -nearest : nearest;
    }

    public static bool IsInside(OrderCondition zone, double latitude, double longitude) =>
        DistanceOutsideMetres(zone, latitude, longitude) is < 0;

    /// <summary>
    /// Where a place falls on a flat map centred on the origin, in metres east and north of it. East-west distances
    /// are scaled at the latitude halfway between the two points, which keeps the error to centimetres at 10 km
    /// (scaling at the origin alone is metres out by then on a diagonal).
    /// </summary>
    public static LocalPoint Project(double originLatitude, double originLongitude, double latitude, double longitude)
    {
        var east = (longitude - originLongitude) * Radians * Math.Cos((originLatitude + latitude) / 2 * Radians) * EarthRadiusMetres;
        var north = (latitude - originLatitude) * Radians * EarthRadiusMetres;
        return new LocalPoint(east, north);
    }

    /// <summary>A polygon stored flat (lat, lon, lat, lon…) as pairs.</summary>
    public static IReadOnlyList<(double Latitude, double Longitude)> Pairs(IReadOnlyList<double> flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        var pairs = new List<(double, double)>(flat.Count / 2);
        for (var i = 0; i + 1 < flat.Count; i += 2)
        {
            pairs.Add((flat[i], flat[i + 1]));
        }
        return pairs;
    }

    private static double DistanceToSegment(LocalPoint a, LocalPoint b)
    {
        var dx = b.East - a.East;
        var dy = b.North - a.North;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-((a.East * dx) + (a.North * dy)) / lengthSquared, 0, 1);
        var x = a.East + (t * dx);
        var y = a.North + (t * dy);
        return Math.Sqrt((x * x) + (y * y));
    }
}
