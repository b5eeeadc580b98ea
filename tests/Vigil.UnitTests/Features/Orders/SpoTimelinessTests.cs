using Vigil.Features.Orders;

namespace Vigil.UnitTests.Features.Orders;

/// <summary>The arithmetic of SPO timeliness: when an order first reached a state, whole days, medians counted once per subject.</summary>
public sealed class SpoTimelinessTests
{
    private static readonly DateTimeOffset Report = new(2025, 1, 10, 14, 0, 0, TimeSpan.Zero);

    private static ProtectiveOrder Order(OrderType type, params (int Day, OrderType? Type, OrderStatus? Status)[] changes)
    {
        var order = new ProtectiveOrder { OrderType = type, Status = changes.Last(c => c.Status is not null).Status!.Value, RecordedAt = Report.AddDays(changes[0].Day) };
        var id = 0;
        foreach (var (day, t, s) in changes)
        {
            order.Changes.Add(new OrderChange { Id = ++id, At = Report.AddDays(day), OrderType = t, Status = s });
        }
        return order;
    }

    private static SpoTimelinessRow Row(long orderId, long subject, DateTimeOffset? first, int? consider, int? applied, int? interim, int? full) =>
        new(orderId, ProtectiveOrder.Reference(orderId), "SPO", "Granted", subject, "", first,
            consider is int c ? Report.AddDays(c) : null, applied is int a ? Report.AddDays(a) : null,
            interim is int i ? Report.AddDays(i) : null, full is int f ? Report.AddDays(f) : null);

    [Fact]
    public void FirstTime_AppliedThenGranted_FindsEachStep()
    {
        var order = Order(OrderType.SPO, (30, OrderType.SPO, OrderStatus.Applied), (95, null, OrderStatus.Granted), (96, null, OrderStatus.Served));

        Assert.Equal(Report.AddDays(30), SpoTimeliness.FirstTime(order, (_, s) => s == OrderStatus.Applied));
        Assert.Equal(Report.AddDays(95), SpoTimeliness.FirstTime(order, (t, s) => t == OrderType.SPO && s is OrderStatus.Granted or OrderStatus.Served));
    }

    [Fact]
    public void FirstTime_InterimBecomingFull_SplitsInterimAndFull()
    {
        // One record: granted as an interim order, then made a full order at the later hearing.
        var order = Order(OrderType.SPO, (20, OrderType.InterimSPO, OrderStatus.Applied), (22, null, OrderStatus.Granted), (120, OrderType.SPO, null));

        Assert.Equal(Report.AddDays(22), SpoTimeliness.FirstTime(order, (t, s) => t == OrderType.InterimSPO && s == OrderStatus.Granted));
        Assert.Equal(Report.AddDays(120), SpoTimeliness.FirstTime(order, (t, s) => t == OrderType.SPO && s == OrderStatus.Granted));
    }

    [Fact]
    public void FirstTime_NeverApplied_Null()
    {
        var order = Order(OrderType.SPO, (40, OrderType.SPO, OrderStatus.Granted));

        Assert.Null(SpoTimeliness.FirstTime(order, (_, s) => s == OrderStatus.Applied));
    }

    [Fact]
    public void Days_WholeDaysFromFirstReport_NullWhenUnknown()
    {
        Assert.Equal(0, SpoTimeliness.Days(Report, Report.AddHours(23)));
        Assert.Equal(1, SpoTimeliness.Days(Report, Report.AddHours(25)));
        Assert.Equal(-2, SpoTimeliness.Days(Report, Report.AddHours(-30)));
        Assert.Null(SpoTimeliness.Days(null, Report));
        Assert.Null(SpoTimeliness.Days(Report, null));
    }

    [Fact]
    public void Median_OddEvenAndEmpty()
    {
        Assert.Equal(5, SpoTimeliness.Median([9, 1, 5]));
        Assert.Equal(4.5, SpoTimeliness.Median([1, 9, 4, 5]));
        Assert.Null(SpoTimeliness.Median([]));
    }

    [Fact]
    public void Summarise_CountsEachSubjectOnce_MediansPerStep()
    {
        var rows = new[]
        {
            Row(1, subject: 100, Report, consider: 10, applied: 30, interim: 32, full: 150),
            // The same subject's separate full order: same first report, so not counted again.
            Row(2, subject: 100, Report, consider: 10, applied: 31, interim: 32, full: 150),
            Row(3, subject: 200, Report, consider: 40, applied: 90, interim: null, full: 200),
            Row(4, subject: 300, null, consider: null, applied: 5, interim: null, full: null),
        };

        var steps = SpoTimeliness.Summarise(rows).ToDictionary(s => s.Step);

        Assert.Equal((2, 25.0), (steps["Consideration"].Count, steps["Consideration"].MedianDays!.Value));
        Assert.Equal((2, 60.0), (steps["Application"].Count, steps["Application"].MedianDays!.Value));
        Assert.Equal((1, 32.0), (steps["Interim"].Count, steps["Interim"].MedianDays!.Value));
        Assert.Equal((2, 175.0), (steps["Full"].Count, steps["Full"].MedianDays!.Value));
    }

    [Fact]
    public void Row_DaysTo_EachStep()
    {
        var row = Row(1, 100, Report, 3, 14, 15, 180);

        Assert.Equal([3, 14, 15, 180], new[] { row.DaysToConsideration, row.DaysToApplication, row.DaysToInterim, row.DaysToFull });
    }
}
