using Vigil.Features.Orders;

namespace Vigil.UnitTests.Features.Orders;

/// <summary>The order drawing: to scale around the zones, places numbered with their distances, far places listed but not drawn.</summary>
public sealed class OrderMapTests
{
    private const double Lat = 52.4153;
    private const double Lon = -4.0829;

    private static double North(double metres) => metres / ZoneGeometry.EarthRadiusMetres * 180 / Math.PI;

    private static OrderCondition Circle(double radius) => new() { Type = ConditionType.ExclusionZone, Latitude = Lat, Longitude = Lon, RadiusMetres = radius };

    [Fact]
    public void Build_NoZones_Null()
    {
        Assert.Null(OrderMap.Build([(1, new OrderCondition { Type = ConditionType.NoContact })], []));
    }

    [Fact]
    public void Build_OneCircle_CentredAndToScale()
    {
        var map = OrderMap.Build([(2, Circle(400))], [new MapPlaceInput(MapPlaceKind.Home, "1 Stryd y Bont", Lat, Lon, null)])!;

        var zone = Assert.Single(map.Zones);
        Assert.True(zone.IsCircle);
        Assert.Equal(2, zone.Number);
        Assert.Equal(OrderMap.DrawingSize / 2, zone.X, 0.5);
        Assert.Equal(OrderMap.DrawingSize / 2, zone.Y, 0.5);
        // Drawing units per metre are the same for the radius and for the scale bar.
        Assert.Equal(zone.Radius / 400, map.ScaleBarLength / map.ScaleBarMetres, 0.01);
        var home = Assert.Single(map.Places);
        Assert.True(home.Drawn);
        Assert.Equal(-400, home.DistanceOutsideMetres!.Value, 0.5);
        Assert.Equal(2, home.NearestZone);
    }

    [Fact]
    public void Build_PlaceNorth_DrawnAboveTheCentre()
    {
        var map = OrderMap.Build([(1, Circle(300))], [new MapPlaceInput(MapPlaceKind.Sighting, "Bus stop", Lat + North(500), Lon, null)])!;

        var sighting = Assert.Single(map.Places);
        Assert.True(sighting.Y < OrderMap.DrawingSize / 2);
        Assert.Equal(200, sighting.DistanceOutsideMetres!.Value, 0.5);
        Assert.True(sighting.Drawn);
    }

    [Fact]
    public void Build_PlaceFarAway_ListedButNotDrawn_ZonesKeepTheirSize()
    {
        var near = new MapPlaceInput(MapPlaceKind.Breach, "Outside the shop", Lat + North(350), Lon, null);
        var far = new MapPlaceInput(MapPlaceKind.Sighting, "Another county", Lat + North(40_000), Lon, null);

        var map = OrderMap.Build([(1, Circle(300))], [near, far])!;

        Assert.True(map.Places[0].Drawn);
        Assert.False(map.Places[1].Drawn);
        Assert.Equal(39_700, map.Places[1].DistanceOutsideMetres!.Value, 1);
        Assert.True(map.MetresAcross < 5_000, $"{map.MetresAcross} m across");
    }

    [Theory]
    [InlineData(1_234, 1_000)]
    [InlineData(480, 200)]
    [InlineData(499, 200)]
    [InlineData(500, 500)]
    [InlineData(7.5, 5)]
    public void NiceLength_RoundsDownToOneTwoOrFive(double metres, double expected)
    {
        Assert.Equal(expected, OrderMap.NiceLength(metres));
    }
}
