using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Features.Considerations;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.VictimCare;

namespace Vigil.UnitTests.Features.Alerts;

/// <summary>Each order, bail and breach rule on its own: what it reports, and what it leaves alone.</summary>
public sealed class OrderRuleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RuleTestDatabase.T0;
    private readonly RuleTestDatabase _data = new();

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    private async Task<ProtectiveOrder> OrderAsync(long subject, long protectedId, OrderType type, OrderStatus status, DateTimeOffset recorded,
        DateTimeOffset? starts = null, DateTimeOffset? ends = null)
    {
        var order = new ProtectiveOrder
        {
            ForceId = _data.ForceId, OrderType = type, SubjectId = subject, Status = status, Starts = starts, Ends = ends,
            RecordedAt = recorded, UpdatedAt = recorded, Version = Guid.NewGuid(),
            Protected = [new OrderProtectedPerson { PersonRecordId = protectedId }],
            Conditions = [new OrderCondition { Position = 0, Type = ConditionType.NoContact, Indirect = true, AddedAt = recorded }],
            Changes = [new OrderChange { At = recorded, Status = status, OrderType = type }],
        };
        _data.Db.Orders.Add(order);
        await _data.Db.SaveChangesAsync();
        return order;
    }

    private async Task<long> BreachAsync(ProtectiveOrder order, DateTimeOffset occurred, BreachAction? action, string? rationale = null)
    {
        var breach = new Breach { OrderId = order.Id, ForceId = _data.ForceId, OccurredAt = occurred, RecordedAt = occurred.AddMinutes(30), Action = action, Rationale = rationale };
        _data.Db.Breaches.Add(breach);
        await _data.Db.SaveChangesAsync();
        return breach.Id;
    }

    private async Task ChangeAsync(ProtectiveOrder order, DateTimeOffset at, OrderStatus? status = null, OrderType? type = null)
    {
        order.Status = status ?? order.Status;
        order.OrderType = type ?? order.OrderType;
        _data.Db.OrderChanges.Add(new OrderChange { OrderId = order.Id, At = at, Status = status, OrderType = type });
        await _data.Db.SaveChangesAsync();
    }

    private static RuleTrigger Breached(long id) => RuleTrigger.ForRecord(AuditEntities.Breach, id);

    private static RuleTrigger Passed(DateTimeOffset from, DateTimeOffset to) => RuleTrigger.ForTime(from, to);

    [Fact]
    public async Task BreachNotActioned_UndecidedOrNoActionWithoutReason_AfterFourHours()
    {
        var order = await OrderAsync(await _data.PersonAsync("Kieron", "Bell"), await _data.PersonAsync("Anest", "Rhys"), OrderType.PreChargeBail, OrderStatus.Granted, T0, T0, T0.AddMonths(3));
        var undecided = await BreachAsync(order, T0.AddDays(1), BreachAction.Undecided);
        var noReason = await BreachAsync(order, T0.AddDays(1).AddMinutes(5), BreachAction.None);
        var decided = await BreachAsync(order, T0.AddDays(1).AddMinutes(10), BreachAction.None, "Victim's own approach; advice given.");
        var arrested = await BreachAsync(order, T0.AddDays(1).AddMinutes(15), BreachAction.Arrest);

        Assert.Empty(await _data.RunAsync(new BreachNotActionedRule(), Passed(T0, T0.AddDays(1).AddHours(3)), T0.AddDays(1).AddHours(3)));
        var findings = await _data.RunAsync(new BreachNotActionedRule(), Passed(T0.AddDays(1).AddHours(3), T0.AddDays(1).AddHours(6)), T0.AddDays(1).AddHours(6));

        Assert.Equal([$"breach:{undecided}", $"breach:{noReason}"], findings.Select(f => f.SubjectKey).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(findings, f => f.SubjectKey == $"breach:{decided}" || f.SubjectKey == $"breach:{arrested}");
    }

    [Fact]
    public async Task BreachPattern_SecondWithinThirtyDaysHigh_ThirdCritical_FirstQuiet()
    {
        var subject = await _data.PersonAsync("Declan", "Moss");
        var victim = await _data.PersonAsync("Heledd", "Parry");
        var bail = await OrderAsync(subject, victim, OrderType.PreChargeBail, OrderStatus.Granted, T0, T0, T0.AddMonths(3));
        var first = await BreachAsync(bail, T0.AddDays(3), BreachAction.Warning);
        Assert.Empty(await _data.RunAsync(new BreachPatternRule(), Breached(first), T0.AddDays(3)));

        var second = await BreachAsync(bail, T0.AddDays(9), BreachAction.Arrest);
        var high = Assert.Single(await _data.RunAsync(new BreachPatternRule(), Breached(second), T0.AddDays(9)));
        var third = await BreachAsync(bail, T0.AddDays(12), BreachAction.Arrest);
        var critical = Assert.Single(await _data.RunAsync(new BreachPatternRule(), Breached(third), T0.AddDays(12)));

        Assert.Equal(AlertSeverity.High, high.Severity);
        Assert.Equal(AlertSeverity.Critical, critical.Severity);
        Assert.Equal(high.SubjectKey, critical.SubjectKey);
    }

    [Fact]
    public async Task BreachPattern_ABreachBySomeoneWhoBreachedAnotherOrderBefore_EvenForAnotherVictim()
    {
        var subject = await _data.PersonAsync("Ryan", "Tudor");
        var earlierOrder = await OrderAsync(subject, await _data.PersonAsync("Gwenllian", "Howells"), OrderType.RestrainingOrder, OrderStatus.Granted, T0.AddYears(-2), T0.AddYears(-2));
        await BreachAsync(earlierOrder, T0.AddYears(-1), BreachAction.CrimeRecorded);
        var newOrder = await OrderAsync(subject, await _data.PersonAsync("Sara", "Meredith"), OrderType.NonMolestation, OrderStatus.Served, T0, T0);
        var breach = await BreachAsync(newOrder, T0.AddDays(40), BreachAction.Arrest);

        var finding = Assert.Single(await _data.RunAsync(new BreachPatternRule(), Breached(breach), T0.AddDays(40)));

        Assert.Equal("Alert.BreachPattern.Repeat", finding.MessageKey);
    }

    [Fact]
    public async Task SpoNotConsidered_StalkingCrimeFourteenDaysOn_UnlessConsideredOrSought()
    {
        var suspect = await _data.PersonAsync("Owain", "Lake");
        var crime = await _data.IncidentAsync(await _data.PersonAsync("Tirion", "Jones"), suspect, T0, [Behaviour.Following], classification: Classification.StalkingS2A, crime: true);
        var otherSuspect = await _data.PersonAsync("Liam", "Grey");
        var considered = await _data.IncidentAsync(await _data.PersonAsync("Eleri", "Stone"), otherSuspect, T0, [Behaviour.Following], classification: Classification.StalkingS4A, crime: true);
        _data.Db.Considerations.Add(new Consideration { ForceId = _data.ForceId, IncidentId = considered, What = ConsiderationKind.SPO, Decision = ConsiderationDecision.NotProgressed, Rationale = "Not yet necessary.", RecordedAt = T0.AddDays(2) });
        await _data.IncidentAsync(await _data.PersonAsync("Nia", "Fox"), await _data.PersonAsync("Rob", "Hart"), T0, [Behaviour.Following], classification: Classification.Harassment, crime: true);
        await _data.Db.SaveChangesAsync();

        Assert.Empty(await _data.RunAsync(new SpoNotConsideredRule(), Passed(T0, T0.AddDays(13)), T0.AddDays(13)));
        var finding = Assert.Single(await _data.RunAsync(new SpoNotConsideredRule(), Passed(T0.AddDays(13), T0.AddDays(15)), T0.AddDays(15)));

        Assert.Contains((AlertEvidenceKind.Incident, crime), finding.Evidence);
    }

    [Fact]
    public async Task InterimSpo_ApplicationPendingFourWeeks_WithoutInterimConsidered()
    {
        var subject = await _data.PersonAsync("Jac", "Evans");
        var spo = await OrderAsync(subject, await _data.PersonAsync("Lisa", "Ward"), OrderType.SPO, OrderStatus.Considered, T0);
        await ChangeAsync(spo, T0.AddDays(5), OrderStatus.Applied);

        Assert.Empty(await _data.RunAsync(new InterimSpoNotConsideredRule(), Passed(T0, T0.AddDays(32)), T0.AddDays(32)));
        Assert.Single(await _data.RunAsync(new InterimSpoNotConsideredRule(), Passed(T0.AddDays(32), T0.AddDays(34)), T0.AddDays(34)));

        await OrderAsync(subject, spo.Protected[0].PersonRecordId, OrderType.InterimSPO, OrderStatus.Applied, T0.AddDays(6));
        Assert.Empty(await _data.RunAsync(new InterimSpoNotConsideredRule(), Passed(T0.AddDays(32), T0.AddDays(34)), T0.AddDays(34)));
    }

    [Fact]
    public async Task Dvpo_WarningAtADay_CriticalAtFortyHours_QuietOnceAHearingIsRecorded()
    {
        var subject = await _data.PersonAsync("Mike", "Pryce");
        var victim = await _data.PersonAsync("Jess", "Lane");
        var notice = await OrderAsync(subject, victim, OrderType.DVPN, OrderStatus.Served, T0, T0);

        var warning = Assert.Single(await _data.RunAsync(new DvpoApplicationDueRule(), Passed(T0.AddHours(20), T0.AddHours(25)), T0.AddHours(25)));
        var critical = Assert.Single(await _data.RunAsync(new DvpoApplicationDueRule(), Passed(T0.AddHours(25), T0.AddHours(41)), T0.AddHours(41)));
        Assert.Equal(AlertSeverity.Warning, warning.Severity);
        Assert.Equal(AlertSeverity.Critical, critical.Severity);

        await OrderAsync(subject, victim, OrderType.DVPO, OrderStatus.Applied, T0.AddHours(10));
        Assert.Empty(await _data.RunAsync(new DvpoApplicationDueRule(), Passed(T0.AddHours(20), T0.AddHours(41)), T0.AddHours(41)));
        Assert.Equal(notice.Id, long.Parse(warning.SubjectKey.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Expiring_BailSevenDaysBefore_OrderFourteen_NotWhenReplaced()
    {
        var bailSubject = await _data.PersonAsync("Gavin", "Cole");
        var bail = await OrderAsync(bailSubject, await _data.PersonAsync("Meg", "Lloyd"), OrderType.PreChargeBail, OrderStatus.Granted, T0, T0, T0.AddDays(30));
        var order = await OrderAsync(await _data.PersonAsync("Craig", "Dunn"), await _data.PersonAsync("Alaw", "Rowe"), OrderType.NonMolestation, OrderStatus.Served, T0, T0, T0.AddDays(30));

        var findings = await _data.RunAsync(new OrderExpiringRule(), Passed(T0.AddDays(10), T0.AddDays(24)), T0.AddDays(24));
        Assert.Equal([$"expiring:{bail.Id}", $"expiring:{order.Id}"], findings.Select(f => f.SubjectKey).Order(StringComparer.Ordinal));
        Assert.Equal([$"expiring:{order.Id}"], (await _data.RunAsync(new OrderExpiringRule(), Passed(T0.AddDays(10), T0.AddDays(17)), T0.AddDays(17))).Select(f => f.SubjectKey));

        await OrderAsync(bailSubject, bail.Protected[0].PersonRecordId, OrderType.PreChargeBail, OrderStatus.Granted, T0.AddDays(20), T0.AddDays(30), T0.AddDays(120));
        Assert.DoesNotContain(await _data.RunAsync(new OrderExpiringRule(), Passed(T0.AddDays(17), T0.AddDays(24)), T0.AddDays(24)), f => f.SubjectKey == $"expiring:{bail.Id}");
    }

    [Fact]
    public async Task VictimNotTold_BailToReleasedUnderInvestigation_AWorkingDayLater_UnlessTold()
    {
        // 2025-06-06 is a Friday: a working day later is Monday.
        var friday = new DateTimeOffset(2025, 6, 6, 16, 0, 0, TimeSpan.Zero);
        var victim = await _data.PersonAsync("Bethan", "Price");
        var bail = await OrderAsync(await _data.PersonAsync("Aled", "Rees"), victim, OrderType.PreChargeBail, OrderStatus.Granted, T0, T0, T0.AddMonths(3));
        await ChangeAsync(bail, friday, type: OrderType.ReleasedUnderInvestigation);

        Assert.Empty(await _data.RunAsync(new VictimNotToldConditionsEndedRule(), Passed(friday, friday.AddDays(2)), friday.AddDays(2)));
        var finding = Assert.Single(await _data.RunAsync(new VictimNotToldConditionsEndedRule(), Passed(friday.AddDays(2), friday.AddDays(4)), friday.AddDays(4)));
        Assert.Equal(AlertSeverity.High, finding.Severity);

        _data.Db.VictimContacts.Add(new VictimContact { ForceId = _data.ForceId, VictimId = victim, RecordedAt = friday.AddHours(1), Informs = [VictimInformed.BailConditionsEnded], Summary = "Told her bail has ended." });
        await _data.Db.SaveChangesAsync();
        Assert.Empty(await _data.RunAsync(new VictimNotToldConditionsEndedRule(), Passed(friday.AddDays(2), friday.AddDays(4)), friday.AddDays(4)));
    }

    [Fact]
    public async Task ReviewDue_LongOrderSixMonthsUnreviewed_ShortOrderNever()
    {
        var longOrder = await OrderAsync(await _data.PersonAsync("Wyn", "Hale"), await _data.PersonAsync("Cari", "Bond"), OrderType.SPO, OrderStatus.Served, T0, T0, T0.AddYears(2));
        await OrderAsync(await _data.PersonAsync("Dai", "Shaw"), await _data.PersonAsync("Lona", "Parr"), OrderType.NonMolestation, OrderStatus.Served, T0, T0, T0.AddMonths(9));

        var finding = Assert.Single(await _data.RunAsync(new OrderReviewDueRule(), Passed(T0.AddMonths(5), T0.AddMonths(7)), T0.AddMonths(7)));
        Assert.Equal($"review:{longOrder.Id}", finding.SubjectKey);
        Assert.Equal(AlertSeverity.Info, finding.Severity);

        _data.Db.OrderReviews.Add(new OrderReview { OrderId = longOrder.Id, ReviewedAt = T0.AddMonths(5), VictimViews = "Feels safer.", Outcome = "Keep as it is." });
        await _data.Db.SaveChangesAsync();
        Assert.Empty(await _data.RunAsync(new OrderReviewDueRule(), Passed(T0.AddMonths(5), T0.AddMonths(7)), T0.AddMonths(7)));
    }

    [Fact]
    public async Task NearBreach_SeenJustOutsideTheZone_OrLivingByHerHome_ButNotInsideOrFarAway()
    {
        var subject = await _data.PersonAsync("Shane", "Hughes");
        var victim = new Vigil.Features.People.PersonRecord
        {
            ForceId = _data.ForceId, GivenName = "Llio", FamilyName = "Evans", CreatedAt = T0,
            Addresses = [new Vigil.Features.People.PersonAddress { Text = "3 Heol Las", Kind = Vigil.Features.People.AddressKind.Home, Latitude = 51.6000, Longitude = -3.9000 }],
        };
        _data.Db.PersonRecords.Add(victim);
        await _data.Db.SaveChangesAsync();
        var order = await OrderAsync(subject, victim.Id, OrderType.SPO, OrderStatus.Served, T0, T0, T0.AddYears(2));
        // A 500 m zone round her home.
        order.Conditions.Add(new OrderCondition { Position = 1, Type = ConditionType.ExclusionZone, Latitude = 51.6000, Longitude = -3.9000, RadiusMetres = 500, AddedAt = T0 });
        await _data.Db.SaveChangesAsync();
        async Task<IReadOnlyList<RuleFinding>> SeenAsync(double lat, Vigil.Features.People.SightingKind kind)
        {
            var sighting = new Vigil.Features.People.Sighting { ForceId = _data.ForceId, PersonRecordId = subject, Kind = kind, Latitude = lat, Longitude = -3.9000, RecordedAt = T0.AddDays(3) };
            _data.Db.Sightings.Add(sighting);
            await _data.Db.SaveChangesAsync();
            return await _data.RunAsync(new NearBreachRule(), RuleTrigger.ForRecord(AuditEntities.Sighting, sighting.Id), T0.AddDays(3));
        }

        // One degree of latitude is about 111 km: 0.0063° is about 700 m north, 200 m outside the zone.
        var justOutside = Assert.Single(await SeenAsync(51.6063, Vigil.Features.People.SightingKind.Seen));
        Assert.Equal("Alert.NearBreach.Zone", justOutside.MessageKey);
        Assert.Empty(await SeenAsync(51.6030, Vigil.Features.People.SightingKind.Seen));
        Assert.Empty(await SeenAsync(51.6200, Vigil.Features.People.SightingKind.Residing));
    }

    [Fact]
    public void StatusAt_FollowsTheChanges_AndInForceNeedsStartAndEnd()
    {
        var order = new ProtectiveOrder { Status = OrderStatus.Ended, Starts = T0.AddDays(2), Ends = T0.AddDays(30) };
        order.Changes.Add(new OrderChange { Id = 0, At = T0, Status = OrderStatus.Applied });
        order.Changes.Add(new OrderChange { Id = 1, At = T0.AddDays(2), Status = OrderStatus.Granted });
        order.Changes.Add(new OrderChange { Id = 2, At = T0.AddDays(20), Status = OrderStatus.Ended });

        Assert.Equal(OrderStatus.Applied, order.StatusAt(T0.AddDays(1)));
        Assert.False(order.InForceAt(T0.AddDays(1)));
        Assert.True(order.InForceAt(T0.AddDays(10)));
        Assert.False(order.InForceAt(T0.AddDays(21)));
        Assert.Equal(T0.AddDays(2), order.FirstAt(OrderStatus.Granted));
        Assert.Equal(T0, order.FirstAt(OrderStatus.Applied));
        Assert.Equal(OrderStatus.Applied, order.StatusAt(T0.AddDays(-5)));
    }
}
