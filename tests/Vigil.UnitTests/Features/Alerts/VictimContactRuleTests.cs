using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.VictimCare;

namespace Vigil.UnitTests.Features.Alerts;

/// <summary>contact-agreement-missing and victim-contact-overdue on their own: what they report, and what they leave alone.</summary>
public sealed class VictimContactRuleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RuleTestDatabase.T0;
    private readonly RuleTestDatabase _data = new();

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    private static RuleTrigger Passed(DateTimeOffset from, DateTimeOffset to) => RuleTrigger.ForTime(from, to);

    private async Task<ContactAgreement> AgreementAsync(long victim, long incident, ContactFrequency frequency, DateTimeOffset at)
    {
        var agreement = new ContactAgreement { ForceId = _data.ForceId, VictimId = victim, IncidentId = incident, Frequency = frequency, RecordedAt = at, ByName = "DC 1" };
        _data.Db.ContactAgreements.Add(agreement);
        await _data.Db.SaveChangesAsync();
        return agreement;
    }

    private async Task ContactAsync(long victim, DateTimeOffset at, params VictimInformed[] informs)
    {
        _data.Db.VictimContacts.Add(new VictimContact { ForceId = _data.ForceId, VictimId = victim, RecordedAt = at, Informs = [.. informs], Summary = "Spoke to her." });
        await _data.Db.SaveChangesAsync();
    }

    [Fact]
    public async Task AgreementMissing_StalkingIncident_TwoDaysLater_UnlessAgreed()
    {
        var victim = await _data.PersonAsync("Seren", "Lloyd");
        var incident = await _data.IncidentAsync(victim, await _data.PersonAsync("Rhys", "Bowen"), T0, [Behaviour.Following], classification: Classification.StalkingS2A, crime: true);

        Assert.Empty(await _data.RunAsync(new ContactAgreementMissingRule(), Passed(T0, T0.AddDays(1)), T0.AddDays(1)));
        var finding = Assert.Single(await _data.RunAsync(new ContactAgreementMissingRule(), Passed(T0.AddDays(1), T0.AddDays(3)), T0.AddDays(3)));
        Assert.Equal("VictimCare.Alert.AgreementMissing", finding.MessageKey);
        Assert.Contains((AlertEvidenceKind.Incident, incident), finding.Evidence);
        Assert.Equal(Incident.Reference(incident), finding.MessageArguments[1]);

        await AgreementAsync(victim, incident, ContactFrequency.Every7Days, T0.AddDays(1));
        Assert.Empty(await _data.RunAsync(new ContactAgreementMissingRule(), Passed(T0.AddDays(1), T0.AddDays(3)), T0.AddDays(3)));
    }

    [Fact]
    public async Task AgreementMissing_ExPartnersMessagesRecordedAsMaliciousCommunications_Counts_ACompanysCallsDoNot()
    {
        var victim = await _data.PersonAsync("Megan", "Pryce");
        await _data.IncidentAsync(victim, await _data.PersonAsync("Dan", "Hughes"), T0, [Behaviour.UnwantedContact], classification: Classification.MaliciousCommunications, crime: true);
        var caller = await _data.PersonAsync("Gareth", "Evans");
        await _data.IncidentAsync(caller, await _data.PersonAsync("Brightline", "Ltd"), T0, [Behaviour.UnwantedContact], Relationship.Stranger, domestic: false, Classification.CommunicationsAct);

        var finding = Assert.Single(await _data.RunAsync(new ContactAgreementMissingRule(), Passed(T0.AddDays(1), T0.AddDays(3)), T0.AddDays(3)));
        Assert.Contains((AlertEvidenceKind.PersonRecord, victim), finding.Evidence);
    }

    [Theory]
    [InlineData(Classification.Harassment, new Behaviour[0], Relationship.Stranger, false, true)]
    [InlineData(Classification.MaliciousCommunications, new[] { Behaviour.UnwantedContact }, Relationship.ExPartner, false, true)]
    [InlineData(Classification.NonCrimeOther, new[] { Behaviour.TurningUpAtWork }, Relationship.Stranger, true, true)]
    [InlineData(Classification.CommunicationsAct, new[] { Behaviour.UnwantedContact }, Relationship.Stranger, false, false)]
    [InlineData(Classification.CommonAssault, new[] { Behaviour.Violence }, Relationship.ExPartner, true, false)]
    public void StalkingOrHarassment_FromClassificationOrFromBehavioursWithHarmOrRelationship(
        Classification classification, Behaviour[] behaviours, Relationship relationship, bool fear, bool expected) =>
        Assert.Equal(expected, ContactAgreementMissingRule.IsStalkingOrHarassment(classification, [], behaviours, relationship, new Impact { FearOfViolence = fear }));

    [Fact]
    public async Task ContactOverdue_WeeklyAgreement_SevenDaysAfterTheLastContact_Once()
    {
        var victim = await _data.PersonAsync("Nia", "Griffiths");
        var incident = await _data.IncidentAsync(victim, await _data.PersonAsync("Owain", "Jones"), T0, [Behaviour.Following], classification: Classification.StalkingS2A);
        await AgreementAsync(victim, incident, ContactFrequency.Every7Days, T0);
        await ContactAsync(victim, T0.AddDays(3), VictimInformed.General);

        // Due seven days after the contact (day 10), not seven days after the agreement (day 7).
        Assert.Empty(await _data.RunAsync(new VictimContactOverdueRule(), Passed(T0.AddDays(6), T0.AddDays(9)), T0.AddDays(9)));
        var finding = Assert.Single(await _data.RunAsync(new VictimContactOverdueRule(), Passed(T0.AddDays(9), T0.AddDays(11)), T0.AddDays(11)));
        Assert.Equal("VictimCare.Alert.ContactOverdue", finding.MessageKey);
        // The next interval evaluated sees no new deadline: the alert is raised once.
        Assert.Empty(await _data.RunAsync(new VictimContactOverdueRule(), Passed(T0.AddDays(11), T0.AddDays(20)), T0.AddDays(20)));
    }

    [Fact]
    public async Task ContactOverdue_AContactMadeTheMomentItFallsDue_IsInTime()
    {
        var victim = await _data.PersonAsync("Ceri", "Watkins");
        var incident = await _data.IncidentAsync(victim, await _data.PersonAsync("Gareth", "Lloyd"), T0, [Behaviour.Following], classification: Classification.StalkingS2A);
        await AgreementAsync(victim, incident, ContactFrequency.Every7Days, T0);

        // The clock reaches the deadline before the weekly call made at that moment is recorded: not overdue yet.
        Assert.Empty(await _data.RunAsync(new VictimContactOverdueRule(), Passed(T0.AddDays(6), T0.AddDays(7)), T0.AddDays(7)));
        await ContactAsync(victim, T0.AddDays(7), VictimInformed.General);
        Assert.Empty(await _data.RunAsync(new VictimContactOverdueRule(), Passed(T0.AddDays(7), T0.AddDays(9)), T0.AddDays(9)));
    }

    [Fact]
    public async Task ContactOverdue_WhenNoCallCameAtTheDeadline_RaisedInTheNextInterval()
    {
        var victim = await _data.PersonAsync("Lowri", "Price");
        var incident = await _data.IncidentAsync(victim, await _data.PersonAsync("Huw", "Beynon"), T0, [Behaviour.Following], classification: Classification.StalkingS2A);
        await AgreementAsync(victim, incident, ContactFrequency.Every7Days, T0);

        Assert.Empty(await _data.RunAsync(new VictimContactOverdueRule(), Passed(T0.AddDays(6), T0.AddDays(7)), T0.AddDays(7)));
        Assert.Single(await _data.RunAsync(new VictimContactOverdueRule(), Passed(T0.AddDays(7), T0.AddDays(7).AddHours(1)), T0.AddDays(7).AddHours(1)));
    }

    [Fact]
    public async Task ContactOverdue_SignificantDevelopments_BailLapsedOnFriday_DueMonday_UnlessTold()
    {
        var friday = new DateTimeOffset(2025, 6, 6, 16, 0, 0, TimeSpan.Zero);
        var victim = await _data.PersonAsync("Bethan", "Price");
        var suspect = await _data.PersonAsync("Aled", "Rees");
        var incident = await _data.IncidentAsync(victim, suspect, T0, [Behaviour.Following], classification: Classification.StalkingS2A);
        await AgreementAsync(victim, incident, ContactFrequency.SignificantDevelopments, T0);
        var bail = new ProtectiveOrder
        {
            ForceId = _data.ForceId, OrderType = OrderType.PreChargeBail, SubjectId = suspect, Status = OrderStatus.Granted, Starts = T0, Ends = T0.AddMonths(3),
            RecordedAt = T0, UpdatedAt = T0, Version = Guid.NewGuid(), Protected = [new OrderProtectedPerson { PersonRecordId = victim }],
            Changes = [new OrderChange { At = T0, Status = OrderStatus.Granted, OrderType = OrderType.PreChargeBail }, new OrderChange { At = friday, OrderType = OrderType.ReleasedUnderInvestigation }],
        };
        _data.Db.Orders.Add(bail);
        await _data.Db.SaveChangesAsync();
        await ContactAsync(victim, T0.AddHours(2), VictimInformed.Bail);

        Assert.Empty(await _data.RunAsync(new VictimContactOverdueRule(), Passed(friday, friday.AddDays(2)), friday.AddDays(2)));
        var finding = Assert.Single(await _data.RunAsync(new VictimContactOverdueRule(), Passed(friday.AddDays(2), friday.AddDays(4)), friday.AddDays(4)));
        Assert.Equal("VictimCare.Alert.DevelopmentUntold.BailEnded", finding.MessageKey);
        Assert.Contains((AlertEvidenceKind.Order, bail.Id), finding.Evidence);

        await ContactAsync(victim, friday.AddHours(1), VictimInformed.BailConditionsEnded);
        Assert.Empty(await _data.RunAsync(new VictimContactOverdueRule(), Passed(friday.AddDays(2), friday.AddDays(4)), friday.AddDays(4)));
    }
}
