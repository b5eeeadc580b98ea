using Vigil.Features.Orders;

namespace Vigil.UnitTests.Features.Orders;

/// <summary>Exclusion zones drawn as polygons must have an inside: edges that cross are refused.</summary>
public sealed class PolygonTests
{
    private static double[] Flat(params (double Lat, double Lon)[] points) => [.. points.SelectMany(p => new[] { p.Lat, p.Lon })];

    [Fact]
    public void Square_InOrder_DoesNotCross() =>
        Assert.False(OrderInput.SelfIntersects(Flat((51.0, -4.0), (51.0, -3.99), (51.01, -3.99), (51.01, -4.0))));

    [Fact]
    public void Square_GivenClosed_DoesNotCross() =>
        Assert.False(OrderInput.SelfIntersects(Flat((51.0, -4.0), (51.0, -3.99), (51.01, -3.99), (51.01, -4.0), (51.0, -4.0))));

    [Fact]
    public void FigureOfEight_Crosses() =>
        Assert.True(OrderInput.SelfIntersects(Flat((51.0, -4.0), (51.01, -3.99), (51.0, -3.99), (51.01, -4.0))));

    [Fact]
    public void Triangle_DoesNotCross() =>
        Assert.False(OrderInput.SelfIntersects(Flat((51.0, -4.0), (51.0, -3.99), (51.01, -3.995))));

    [Fact]
    public void EdgeDoublingBack_Crosses() =>
        Assert.True(OrderInput.SelfIntersects(Flat((51.0, -4.0), (51.0, -3.98), (51.01, -3.98), (51.0, -3.99), (51.0, -3.97))));
}
