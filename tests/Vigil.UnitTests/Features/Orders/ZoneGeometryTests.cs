using Vigil.Features.Orders;

namespace Vigil.UnitTests.Features.Orders;

/// <summary>Distances from places to exclusion-zone edges: signed (negative inside), in metres, and accurate to well under a metre.</summary>
public sealed class ZoneGeometryTests
{
    private const double Lat = 51.8563;
    private const double Lon = -4.3099;

    /// <summary>Metres north as degrees of latitude (and, below, metres east as degrees of longitude at a latitude).</summary>
    private static double North(double metres) => metres / ZoneGeometry.EarthRadiusMetres * 180 / Math.PI;

    private static double East(double metres, double latitude = Lat) => North(metres) / Math.Cos(latitude * Math.PI / 180);

    private static OrderCondition Circle(double radius) => new() { Type = ConditionType.ExclusionZone, Latitude = Lat, Longitude = Lon, RadiusMetres = radius };

    /// <summary>A square 1,000 m a side centred on the test point.</summary>
    private static OrderCondition Square() => new()
    {
        Type = ConditionType.ExclusionZone,
        Polygon = [Lat + North(500), Lon - East(500), Lat + North(500), Lon + East(500), Lat - North(500), Lon + East(500), Lat - North(500), Lon - East(500)],
    };

    /// <summary>Great-circle distance, the reference the flat projection is checked against.</summary>
    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        double R(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(R(lat2 - lat1) / 2), 2) + (Math.Cos(R(lat1)) * Math.Cos(R(lat2)) * Math.Pow(Math.Sin(R(lon2 - lon1) / 2), 2));
        return 2 * ZoneGeometry.EarthRadiusMetres * Math.Asin(Math.Sqrt(a));
    }

    [Fact]
    public void Circle_PointOutside_PositiveDistanceToEdge()
    {
        var distance = ZoneGeometry.DistanceOutsideMetres(Circle(500), Lat + North(1_000), Lon);

        Assert.NotNull(distance);
        Assert.InRange(distance.Value, 499.5, 500.5);
    }

    [Fact]
    public void Circle_PointInside_NegativeDistanceToEdge()
    {
        var distance = ZoneGeometry.DistanceOutsideMetres(Circle(500), Lat, Lon + East(200));

        Assert.InRange(distance!.Value, -300.5, -299.5);
        Assert.True(ZoneGeometry.IsInside(Circle(500), Lat, Lon + East(200)));
    }

    [Fact]
    public void Circle_PointsSeveralKilometresAway_AgreeWithGreatCircleWithinHalfAMetre()
    {
        foreach (var (dLat, dLon) in new[] { (0.03, 0.0), (0.0, 0.05), (-0.02, 0.04), (0.1, -0.1) })
        {
            var expected = Haversine(Lat, Lon, Lat + dLat, Lon + dLon) - 800;

            var actual = ZoneGeometry.DistanceOutsideMetres(Circle(800), Lat + dLat, Lon + dLon)!.Value;

            Assert.True(Math.Abs(actual - expected) < 0.5, $"({dLat}, {dLon}): {actual:F2} m against {expected:F2} m");
        }
    }

    [Fact]
    public void Polygon_PointAtCentre_InsideByHalfTheSide()
    {
        var distance = ZoneGeometry.DistanceOutsideMetres(Square(), Lat, Lon);

        Assert.InRange(distance!.Value, -500.5, -499.5);
    }

    [Fact]
    public void Polygon_PointOutsideAnEdge_DistanceToThatEdge()
    {
        var distance = ZoneGeometry.DistanceOutsideMetres(Square(), Lat, Lon + East(600));

        Assert.InRange(distance!.Value, 99.5, 100.5);
    }

    [Fact]
    public void Polygon_PointOutsideACorner_DistanceToTheCorner()
    {
        var distance = ZoneGeometry.DistanceOutsideMetres(Square(), Lat + North(800), Lon + East(900));

        Assert.InRange(distance!.Value, 499.5, 500.5); // 300 north and 400 east of the corner
    }

    [Fact]
    public void Polygon_ConcaveShape_PointInTheNotch_IsOutside()
    {
        // An L shape: the square with its north-east quarter cut away.
        var zone = new OrderCondition
        {
            Type = ConditionType.ExclusionZone,
            Polygon =
            [
                Lat + North(500), Lon - East(500), Lat + North(500), Lon, Lat, Lon, Lat, Lon + East(500),
                Lat - North(500), Lon + East(500), Lat - North(500), Lon - East(500),
            ],
        };

        var inNotch = ZoneGeometry.DistanceOutsideMetres(zone, Lat + North(250), Lon + East(250))!.Value;
        var inArm = ZoneGeometry.DistanceOutsideMetres(zone, Lat + North(250), Lon - East(250))!.Value;

        Assert.InRange(inNotch, 249.5, 250.5);
        Assert.InRange(inArm, -250.5, -249.5);
    }

    [Fact]
    public void NotAZone_OrIncomplete_NoDistance()
    {
        Assert.Null(ZoneGeometry.DistanceOutsideMetres(new OrderCondition { Type = ConditionType.NoContact }, Lat, Lon));
        Assert.Null(ZoneGeometry.DistanceOutsideMetres(new OrderCondition { Type = ConditionType.ExclusionZone, Latitude = Lat }, Lat, Lon));
        Assert.False(ZoneGeometry.IsInside(new OrderCondition { Type = ConditionType.NoContact }, Lat, Lon));
    }
}
