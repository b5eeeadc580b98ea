using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Features.Referrals;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Data;

namespace Vigil.UnitTests.Features.Alerts;

/// <summary>
/// Each risk rule on its own, over a small in-memory database: what it reports for one write or one stretch of
/// time, and what it leaves alone. (The API and replay tests run the same rules through the engine.)
/// </summary>
public sealed class RiskRuleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RuleTestDatabase.T0;
    private readonly RuleTestDatabase _data = new();

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    private AppDbContext Db => _data.Db;

    private long ForceId => _data.ForceId;

    private Task<long> PersonAsync(string given, string family) => _data.PersonAsync(given, family);

    private Task<long> IncidentAsync(long victim, long suspect, DateTimeOffset at, Behaviour[] behaviours,
        Relationship relationship = Relationship.ExPartner, bool domestic = true, Classification classification = Classification.NonCrimeOther) =>
        _data.IncidentAsync(victim, suspect, at, behaviours, relationship, domestic, classification);

    private Task<IReadOnlyList<RuleFinding>> RunAsync(IRule rule, RuleTrigger trigger, DateTimeOffset now) => _data.RunAsync(rule, trigger, now);

    private async Task<long> AssessAsync(long incident, long victim, DateTimeOffset at, RiskTool tool, RiskGrade? grade, params string[] yes)
    {
        var assessment = new RiskAssessment
        {
            ForceId = ForceId, IncidentId = incident, VictimId = victim, Tool = tool, Grade = grade, Rationale = grade is null ? null : "Reasons.",
            Answers = yes.ToDictionary(id => id, _ => true), RecordedAt = at,
            Status = grade is null ? RiskAssessmentStatus.Draft : RiskAssessmentStatus.Complete, CompletedAt = grade is null ? null : at,
        };
        Db.RiskAssessments.Add(assessment);
        await Db.SaveChangesAsync();
        return assessment.Id;
    }

    private static RuleTrigger Assessed(long id, long incident) => new([incident], Written: [new WrittenRecord(AuditEntities.RiskAssessment, id)]);

    // ---- risk-assessment-missing ----------------------------------------------------------------------------------

    [Fact]
    public async Task Missing_StalkingBehaviourUnassessedADayLater_Reported()
    {
        var incident = await IncidentAsync(await PersonAsync("Eira", "Lloyd"), await PersonAsync("Huw", "Bevan"), T0, [Behaviour.Following], Relationship.Stranger, domestic: false);

        var findings = await RunAsync(new RiskAssessmentMissingRule(), RuleTrigger.ForTime(T0.AddHours(23), T0.AddHours(25)), T0.AddHours(25));

        var finding = Assert.Single(findings);
        Assert.Equal($"incident:{incident}", finding.SubjectKey);
        Assert.Equal("Alert.RiskAssessmentMissing.Behaviours", finding.MessageKey);
    }

    [Fact]
    public async Task Missing_DeadlineNotYetPassed_OrAssessed_OrNothingStalkingLike_Quiet()
    {
        var victim = await PersonAsync("Sioned", "Rees");
        var assessedIncident = await IncidentAsync(victim, await PersonAsync("Alun", "Price"), T0, [Behaviour.Loitering], Relationship.Stranger, domestic: false);
        await AssessAsync(assessedIncident, victim, T0.AddHours(3), RiskTool.Stalking, RiskGrade.Medium, "st05");
        await IncidentAsync(await PersonAsync("Mair", "Owen"), await PersonAsync("Tom", "Hill"), T0, [Behaviour.Violence], Relationship.Stranger, domestic: false, Classification.CommonAssault);

        Assert.Empty(await RunAsync(new RiskAssessmentMissingRule(), RuleTrigger.ForTime(T0, T0.AddHours(23)), T0.AddHours(23)));
        Assert.Empty(await RunAsync(new RiskAssessmentMissingRule(), RuleTrigger.ForTime(T0.AddHours(23), T0.AddHours(25)), T0.AddHours(25)));
    }

    [Fact]
    public async Task Missing_ADraftIsNotAnAssessment()
    {
        var victim = await PersonAsync("Nerys", "Jenkins");
        var incident = await IncidentAsync(victim, await PersonAsync("Rhodri", "Hughes"), T0, [], Relationship.Acquaintance, domestic: false, Classification.Harassment);
        await AssessAsync(incident, victim, T0.AddHours(1), RiskTool.Stalking, grade: null, "st01");

        var finding = Assert.Single(await RunAsync(new RiskAssessmentMissingRule(), RuleTrigger.ForTime(T0.AddHours(23), T0.AddHours(25)), T0.AddHours(25)));

        Assert.Equal("Alert.RiskAssessmentMissing.Classified", finding.MessageKey);
    }

    // ---- risk-reassessment-due ------------------------------------------------------------------------------------

    [Fact]
    public async Task Reassessment_NewIncidentAfterAssessment_WarningOrHighWithAThreat()
    {
        var victim = await PersonAsync("Gwen", "Morris");
        var suspect = await PersonAsync("Carl", "Ellis");
        var first = await IncidentAsync(victim, suspect, T0, [Behaviour.Following]);
        var assessment = await AssessAsync(first, victim, T0.AddHours(1), RiskTool.Stalking, RiskGrade.Medium, "st01");
        var calls = await IncidentAsync(victim, suspect, T0.AddDays(3), [Behaviour.UnwantedContact]);
        var threat = await IncidentAsync(victim, suspect, T0.AddDays(4), [Behaviour.ThreatToKill]);

        var warning = Assert.Single(await RunAsync(new RiskReassessmentDueRule(), RuleTrigger.ForIncident(calls), T0.AddDays(3)));
        var high = Assert.Single(await RunAsync(new RiskReassessmentDueRule(), RuleTrigger.ForIncident(threat), T0.AddDays(4)));

        Assert.Equal(AlertSeverity.Warning, warning.Severity);
        Assert.Equal(AlertSeverity.High, high.Severity);
        Assert.Contains((AlertEvidenceKind.RiskAssessment, assessment), high.Evidence);
        Assert.Equal(warning.SubjectKey, high.SubjectKey);
    }

    [Fact]
    public async Task Reassessment_NoAssessmentYet_OrARecordMerelyAboutTheIncident_Quiet()
    {
        var victim = await PersonAsync("Lowri", "Davies");
        var incident = await IncidentAsync(victim, await PersonAsync("Gethin", "Wynne"), T0, [Behaviour.Following]);
        Assert.Empty(await RunAsync(new RiskReassessmentDueRule(), RuleTrigger.ForIncident(incident), T0));

        var assessment = await AssessAsync(incident, victim, T0.AddHours(1), RiskTool.Stalking, RiskGrade.Medium, "st01");

        // The assessment itself names the incident; that is not news about the victim.
        Assert.Empty(await RunAsync(new RiskReassessmentDueRule(), Assessed(assessment, incident), T0.AddHours(1)));
    }

    // ---- risk-grade-inconsistent ----------------------------------------------------------------------------------

    [Fact]
    public async Task GradeInconsistent_StandardWithSeparationAndStalkingInTheIncidents_ToSupervisor()
    {
        var victim = await PersonAsync("Catrin", "Powell");
        var incident = await IncidentAsync(victim, await PersonAsync("Dean", "Walsh"), T0, [Behaviour.Following, Behaviour.TurningUpAtHome]);
        var assessment = await AssessAsync(incident, victim, T0.AddHours(2), RiskTool.DASH, RiskGrade.Standard, "dash27");

        var finding = Assert.Single(await RunAsync(new RiskGradeInconsistentRule(), Assessed(assessment, incident), T0.AddHours(2)));

        Assert.Equal("Supervisor", finding.OwnerRole);
        Assert.Equal("Alert.RiskGradeInconsistent.Separation", finding.MessageKey);
    }

    [Fact]
    public async Task GradeInconsistent_MediumWithRedFlags_OrStandardWithNone_Quiet()
    {
        var victim = await PersonAsync("Anwen", "Pugh");
        var incident = await IncidentAsync(victim, await PersonAsync("Mark", "Stone"), T0, [Behaviour.UnwantedContact], Relationship.Acquaintance, domestic: false);
        var medium = await AssessAsync(incident, victim, T0.AddHours(1), RiskTool.DASH, RiskGrade.Medium, "dash17", "dash18");
        var standard = await AssessAsync(incident, victim, T0.AddHours(2), RiskTool.DASH, RiskGrade.Standard, "dash04", "dash23");

        Assert.Empty(await RunAsync(new RiskGradeInconsistentRule(), Assessed(medium, incident), T0.AddHours(1)));
        Assert.Empty(await RunAsync(new RiskGradeInconsistentRule(), Assessed(standard, incident), T0.AddHours(2)));
    }

    [Fact]
    public async Task GradeInconsistent_ASupervisorsRaisedGradeStands()
    {
        var victim = await PersonAsync("Efa", "Rowlands");
        var incident = await IncidentAsync(victim, await PersonAsync("Kyle", "Rudd"), T0, [Behaviour.UnwantedContact], Relationship.Acquaintance, domestic: false);
        var assessment = await AssessAsync(incident, victim, T0.AddHours(1), RiskTool.DASH, RiskGrade.Standard, "dash17");
        Assert.Single(await RunAsync(new RiskGradeInconsistentRule(), Assessed(assessment, incident), T0.AddHours(1)));

        Db.RiskReviews.Add(new RiskReview { RiskAssessmentId = assessment, ReviewedAt = T0.AddHours(5), PreviousGrade = RiskGrade.Standard, Grade = RiskGrade.High, Rationale = "Threat to kill." });
        await Db.SaveChangesAsync();

        Assert.Empty(await RunAsync(new RiskGradeInconsistentRule(), Assessed(assessment, incident), T0.AddHours(5)));
    }

    // ---- marac-referral-criteria ----------------------------------------------------------------------------------

    [Fact]
    public async Task Marac_ThirdDomesticIncidentInAYear_NoReferralTwoDaysOn_Reported()
    {
        var victim = await PersonAsync("Ceri", "Evans");
        var suspect = await PersonAsync("Jason", "Kemp");
        await IncidentAsync(victim, suspect, T0.AddDays(-200), [Behaviour.UnwantedContact]);
        await IncidentAsync(victim, suspect, T0.AddDays(-90), [Behaviour.UnwantedContact]);
        var third = await IncidentAsync(victim, suspect, T0, [Behaviour.Following]);

        Assert.Empty(await RunAsync(new MaracReferralCriteriaRule(), RuleTrigger.ForTime(T0, T0.AddDays(1)), T0.AddDays(1)));
        var finding = Assert.Single(await RunAsync(new MaracReferralCriteriaRule(), RuleTrigger.ForTime(T0.AddDays(1), T0.AddDays(3)), T0.AddDays(3)));

        Assert.Equal("Alert.Marac.Incidents", finding.MessageKey);
        Assert.Contains((AlertEvidenceKind.Incident, third), finding.Evidence);
    }

    [Fact]
    public async Task Marac_ReferredInTime_OrNotDomestic_Quiet()
    {
        var victim = await PersonAsync("Manon", "Lewis");
        var incident = await IncidentAsync(victim, await PersonAsync("Ross", "Adams"), T0, [Behaviour.Following]);
        await AssessAsync(incident, victim, T0.AddHours(1), RiskTool.Stalking, RiskGrade.High, "st01");
        Db.Referrals.Add(new Referral { ForceId = ForceId, PersonRecordId = victim, To = ReferralTarget.MARAC, Status = ReferralStatus.Made, Consent = true, RecordedAt = T0.AddDays(1) });
        var stranger = await PersonAsync("Alys", "Bowen");
        var strangerIncident = await IncidentAsync(stranger, await PersonAsync("Neil", "Cole"), T0, [Behaviour.Watching], Relationship.Stranger, domestic: false);
        await AssessAsync(strangerIncident, stranger, T0.AddHours(1), RiskTool.Stalking, RiskGrade.High, "st01");
        await Db.SaveChangesAsync();

        Assert.Empty(await RunAsync(new MaracReferralCriteriaRule(), RuleTrigger.ForTime(T0, T0.AddDays(4)), T0.AddDays(4)));
    }

    // ---- homicide-timeline-escalation -----------------------------------------------------------------------------

    [Fact]
    public async Task Homicide_SeparationInTheAnswersThenTracking_Critical()
    {
        var victim = await PersonAsync("Beca", "Harries");
        var suspect = await PersonAsync("Lee", "Marsh");
        var first = await IncidentAsync(victim, suspect, T0, [Behaviour.UnwantedContact], Relationship.Partner);
        await AssessAsync(first, victim, T0.AddHours(1), RiskTool.HomicideTimeline, RiskGrade.Medium, "ht3", "ht4");
        var tracked = await IncidentAsync(victim, suspect, T0.AddDays(5), [Behaviour.TrackingDevice], Relationship.Partner);

        var finding = Assert.Single(await RunAsync(new HomicideTimelineEscalationRule(), RuleTrigger.ForIncident(tracked), T0.AddDays(5)));

        Assert.Equal(AlertSeverity.Critical, finding.Severity);
        Assert.Equal("Supervisor", finding.OwnerRole);
    }

    [Fact]
    public async Task Homicide_NoSeparation_OrNotDomestic_OrNoEscalation_Quiet()
    {
        var partner = await PersonAsync("Elan", "Vaughan");
        var partnerIncident = await IncidentAsync(partner, await PersonAsync("Dale", "Fox"), T0, [Behaviour.Violence], Relationship.Partner);
        var colleague = await PersonAsync("Tesni", "Ward");
        var colleagueIncident = await IncidentAsync(colleague, await PersonAsync("Gary", "Lamb"), T0, [Behaviour.ThreatToKill, Behaviour.Weapon], Relationship.Colleague, domestic: false);
        var ex = await PersonAsync("Mared", "Hopkins");
        var exIncident = await IncidentAsync(ex, await PersonAsync("Paul", "Rice"), T0, [Behaviour.UnwantedContact]);

        Assert.Empty(await RunAsync(new HomicideTimelineEscalationRule(), RuleTrigger.ForIncident(partnerIncident), T0));
        Assert.Empty(await RunAsync(new HomicideTimelineEscalationRule(), RuleTrigger.ForIncident(colleagueIncident), T0));
        Assert.Empty(await RunAsync(new HomicideTimelineEscalationRule(), RuleTrigger.ForIncident(exIncident), T0));
    }
}
