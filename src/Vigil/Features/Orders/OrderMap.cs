using System.Globalization;
using System.Text;

namespace Vigil.Features.Orders;

/// <summary>What a place on an order's drawing is.</summary>
public enum MapPlaceKind
{
    Home,
    Work,
    School,
    Other,
    Sighting,
    Breach,
}

/// <summary>A place to draw beside an order's zones: a protected address, a sighting of the subject or a breach.</summary>
public sealed record MapPlaceInput(MapPlaceKind Kind, string Label, double Latitude, double Longitude, DateTimeOffset? At);

/// <summary>A place as drawn: its number in the legend and table, where it falls and how far it is from the nearest zone edge.</summary>
public sealed record MapPlace(
    int Number, MapPlaceKind Kind, string Label, DateTimeOffset? At, double East, double North, double X, double Y,
    double? DistanceOutsideMetres, int? NearestZone, bool Drawn);

/// <summary>A zone as drawn: a circle (centre and radius in drawing units) or a polygon (its points attribute).</summary>
public sealed record MapZone(int Number, bool IsCircle, double X, double Y, double Radius, string Points, double? RadiusMetres);

/// <summary>
/// An order's exclusion zones and the places that matter around them on a flat local map: metres east and north of
/// the zones' centre, drawn to one scale on a square of <see cref="Size"/> units with a scale bar. Places further
/// out than the drawing shows stay in the table (with their distances) but are not drawn, so one sighting in another
/// county cannot shrink the zones to a dot.
/// </summary>
public sealed record OrderMap(
    double Size, double OriginLatitude, double OriginLongitude, double MetresAcross, IReadOnlyList<MapZone> Zones, IReadOnlyList<MapPlace> Places,
    double ScaleBarMetres, double ScaleBarLength)
{
    public const double DrawingSize = 600;

    /// <summary>How far past the zones the drawing reaches to take in nearby places, as a multiple of the zones' own extent.</summary>
    private const double MaximumReach = 4;

    /// <summary>The smallest drawing, so a single small zone still shows the street around it.</summary>
    private const double MinimumHalfWidthMetres = 150;

    /// <summary>Null when the order has no exclusion zone with complete geometry.</summary>
    public static OrderMap? Build(IReadOnlyList<(int Number, OrderCondition Zone)> zones, IReadOnlyList<MapPlaceInput> places)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(places);
        var usable = zones.Where(z => z.Zone.Type == ConditionType.ExclusionZone
            && (z.Zone.Polygon.Count >= 6 || (z.Zone.Latitude is not null && z.Zone.Longitude is not null && z.Zone.RadiusMetres is not null))).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        // The origin is the middle of the zones' bounding box in latitude and longitude.
        var (minLat, maxLat, minLon, maxLon) = (double.MaxValue, double.MinValue, double.MaxValue, double.MinValue);
        foreach (var (_, zone) in usable)
        {
            foreach (var (lat, lon) in Outline(zone))
            {
                (minLat, maxLat, minLon, maxLon) = (Math.Min(minLat, lat), Math.Max(maxLat, lat), Math.Min(minLon, lon), Math.Max(maxLon, lon));
            }
        }
        var (originLat, originLon) = ((minLat + maxLat) / 2, (minLon + maxLon) / 2);
        LocalPoint Local(double lat, double lon) => ZoneGeometry.Project(originLat, originLon, lat, lon);

        var zoneExtent = MinimumHalfWidthMetres;
        foreach (var (_, zone) in usable)
        {
            foreach (var (lat, lon) in Outline(zone))
            {
                var p = Local(lat, lon);
                zoneExtent = Math.Max(zoneExtent, Math.Max(Math.Abs(p.East), Math.Abs(p.North)));
            }
        }
        var reach = zoneExtent * MaximumReach;
        var measured = places.Select(p =>
        {
            var local = Local(p.Latitude, p.Longitude);
            double? nearest = null;
            int? nearestZone = null;
            foreach (var (number, zone) in usable)
            {
                if (ZoneGeometry.DistanceOutsideMetres(zone, p.Latitude, p.Longitude) is { } d && (nearest is null || d < nearest))
                {
                    (nearest, nearestZone) = (d, number);
                }
            }
            return (Input: p, Local: local, Distance: nearest, Zone: nearestZone);
        }).ToList();
        var halfWidth = zoneExtent;
        foreach (var m in measured)
        {
            var extent = Math.Max(Math.Abs(m.Local.East), Math.Abs(m.Local.North));
            if (extent <= reach)
            {
                halfWidth = Math.Max(halfWidth, extent);
            }
        }
        // A margin so markers and outlines at the edge are not cut in half.
        halfWidth *= 1.1;
        var scale = DrawingSize / (2 * halfWidth);
        double X(LocalPoint p) => Round((DrawingSize / 2) + (p.East * scale));
        double Y(LocalPoint p) => Round((DrawingSize / 2) - (p.North * scale));

        var drawnZones = usable.Select(z =>
        {
            if (z.Zone.Polygon.Count >= 6)
            {
                var points = new StringBuilder();
                foreach (var (lat, lon) in ZoneGeometry.Pairs(z.Zone.Polygon))
                {
                    var p = Local(lat, lon);
                    points.Append(CultureInfo.InvariantCulture, $"{X(p)},{Y(p)} ");
                }
                return new MapZone(z.Number, false, 0, 0, 0, points.ToString().TrimEnd(), null);
            }
            var centre = Local(z.Zone.Latitude!.Value, z.Zone.Longitude!.Value);
            return new MapZone(z.Number, true, X(centre), Y(centre), Round(z.Zone.RadiusMetres!.Value * scale), "", z.Zone.RadiusMetres);
        }).ToList();

        var drawnPlaces = measured.Select((m, i) =>
        {
            var drawn = Math.Max(Math.Abs(m.Local.East), Math.Abs(m.Local.North)) <= halfWidth;
            return new MapPlace(i + 1, m.Input.Kind, m.Input.Label, m.Input.At, Round(m.Local.East), Round(m.Local.North), X(m.Local), Y(m.Local),
                m.Distance is { } d ? Math.Round(d) : null, m.Zone, drawn);
        }).ToList();

        var barMetres = NiceLength(halfWidth * 2 / 4);
        return new OrderMap(DrawingSize, originLat, originLon, Math.Round(halfWidth * 2), drawnZones, drawnPlaces, barMetres, Round(barMetres * scale));
    }

    /// <summary>A round length (1, 2 or 5 times a power of ten) no longer than <paramref name="metres"/>.</summary>
    public static double NiceLength(double metres)
    {
        if (metres <= 0 || double.IsNaN(metres))
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(metres)));
        foreach (var step in new[] { 5, 2, 1 })
        {
            if (step * power <= metres)
            {
                return step * power;
            }
        }
        return power;
    }

    /// <summary>Points on a zone's outline: a polygon's vertices, or a circle's north, south, east and west points.</summary>
    private static IEnumerable<(double Lat, double Lon)> Outline(OrderCondition zone)
    {
        if (zone.Polygon.Count >= 6)
        {
            foreach (var vertex in ZoneGeometry.Pairs(zone.Polygon))
            {
                yield return vertex;
            }
            yield break;
        }
        var (lat, lon, r) = (zone.Latitude!.Value, zone.Longitude!.Value, zone.RadiusMetres!.Value);
        var dLat = r / ZoneGeometry.EarthRadiusMetres * 180 / Math.PI;
        var dLon = dLat / Math.Cos(lat * Math.PI / 180);
        yield return (lat + dLat, lon);
        yield return (lat - dLat, lon);
        yield return (lat, lon + dLon);
        yield return (lat, lon - dLon);
    }

    private static double Round(double value) => Math.Round(value, 1);
}
