using Vigil.Features.Cases;
using Vigil.Features.Considerations;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.VictimCare;
using Vigil.UnitTests.Features.Alerts;

namespace Vigil.UnitTests.Features.VictimCare;

/// <summary>Significant developments found in what is recorded: who must be told what, by when, and whether they were.</summary>
public sealed class SignificantDevelopmentsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RuleTestDatabase.T0;
    private readonly RuleTestDatabase _data = new();

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Theory]
    [InlineData("2025-06-02T10:00:00Z", 1, "2025-06-03T10:00:00Z")] // Monday: Tuesday
    [InlineData("2025-06-06T16:00:00Z", 1, "2025-06-09T16:00:00Z")] // Friday: Monday
    [InlineData("2025-06-07T11:00:00Z", 1, "2025-06-09T11:00:00Z")] // Saturday: Monday
    [InlineData("2025-06-05T09:00:00Z", 5, "2025-06-12T09:00:00Z")] // Thursday, five working days: next Thursday
    public void Due_CountsWorkingDays_SkippingTheWeekend(string at, int workingDays, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SignificantDevelopments.Due(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), workingDays));

    [Fact]
    public async Task ForCase_ArrestBailAndCharge_EachVictimNamed_ToldOnlyByAContactThatSaysSo()
    {
        var victim = await _data.PersonAsync("Catrin", "Morgan");
        var suspect = await _data.PersonAsync("Huw", "Davies");
        var incident = await _data.IncidentAsync(victim, suspect, T0, [Behaviour.Following], classification: Classification.StalkingS4A);
        var @case = new Case
        {
            ForceId = _data.ForceId, VictimId = victim, SuspectId = suspect, OpenedAt = T0, Version = Guid.NewGuid(),
            Status = CaseStatus.Charged, Outcome = 1, OutcomeRecordedAt = T0.AddDays(10),
            Incidents = [new CaseIncident { IncidentId = incident, AddedAt = T0 }],
        };
        _data.Db.Cases.Add(@case);
        _data.Db.Considerations.Add(new Consideration { ForceId = _data.ForceId, IncidentId = incident, What = ConsiderationKind.Arrest, Decision = ConsiderationDecision.Progressed, RecordedAt = T0.AddDays(1), ByName = "DC 1" });
        _data.Db.Orders.Add(new ProtectiveOrder
        {
            ForceId = _data.ForceId, OrderType = OrderType.PreChargeBail, SubjectId = suspect, Status = OrderStatus.Granted, Starts = T0.AddDays(1), Ends = T0.AddMonths(1),
            RecordedAt = T0.AddDays(1), UpdatedAt = T0.AddDays(1), Version = Guid.NewGuid(), Protected = [new OrderProtectedPerson { PersonRecordId = victim }],
            Changes = [new OrderChange { At = T0.AddDays(1), Status = OrderStatus.Granted, OrderType = OrderType.PreChargeBail }],
        });
        // Told of the arrest and bail the same day; a general update after the charge does not tell her of it.
        _data.Db.VictimContacts.Add(new VictimContact { ForceId = _data.ForceId, VictimId = victim, RecordedAt = T0.AddDays(1).AddHours(3), Informs = [VictimInformed.Arrest, VictimInformed.Bail] });
        _data.Db.VictimContacts.Add(new VictimContact { ForceId = _data.ForceId, VictimId = victim, RecordedAt = T0.AddDays(11), Informs = [VictimInformed.General] });
        await _data.Db.SaveChangesAsync();

        var now = T0.AddDays(14);
        var all = await new SignificantDevelopments(_data.Db).ForTargetAsync(null, @case.Id, null, now, 1, CancellationToken.None);

        Assert.Equal([DevelopmentKind.Arrest, DevelopmentKind.BailGranted, DevelopmentKind.Charge], all.Select(d => d.Development.Kind).Order());
        Assert.All(all, d => Assert.Equal("Catrin Morgan", d.Victim.Name));
        Assert.True(all.Single(d => d.Development.Kind == DevelopmentKind.Arrest).Done);
        Assert.True(all.Single(d => d.Development.Kind == DevelopmentKind.BailGranted).Done);
        var charge = all.Single(d => d.Development.Kind == DevelopmentKind.Charge);
        Assert.Equal(VictimInformed.Charge, charge.Development.Informs);
        Assert.False(charge.Done);
        Assert.True(charge.OverdueAt(now));
        Assert.Equal(T0.AddDays(11), charge.Due); // 2025-06-12 (Thursday) + one working day
    }
}
