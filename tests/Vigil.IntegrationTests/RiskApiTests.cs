using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// Risk assessments through the API and the risk rules they feed: drafts saved as the officer goes and never
/// counted; a grade never without its reasons; completed assessments never changed; a supervisor's review that can
/// raise a grade but not lower a visible high; answers suggested from linked records with their sources; a force's
/// own bands and red flags (audited); and the five risk rules firing when they should and staying quiet otherwise.
/// </summary>
public sealed class RiskApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Investigator = "cp.investigator";
    private const string Supervisor = "cp.supervisor";

    private static readonly string[] GivenNames = ["Awen", "Bethan", "Cerys", "Delyth", "Elin", "Ffion", "Glesni", "Hafwen", "Lowri", "Mali", "Nia", "Seren"];
    private static int _people;

    private static async Task<long> PersonAsync(HttpClient client, string stem)
    {
        var n = Interlocked.Increment(ref _people);
        var born = new DateOnly(1941, 2, 5).AddDays(n * 127 % 27_000);
        return await client.CreatePersonAsync(GivenNames[n % GivenNames.Length], Api.UniqueName(stem), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static object Incident(long victim, long suspect, string[] behaviours, string relationship = "ExPartner", bool domestic = true, string classification = "StalkingS2A") => new
    {
        occurredFrom = AppFactory.Start.AddDays(-1),
        classification,
        narrative = "Reported by the victim at the front counter.",
        behaviours,
        channels = new[] { "InPerson" },
        relationship,
        domestic,
        parties = new object[] { new { personRecordId = victim, role = "Victim" }, new { personRecordId = suspect, role = "Suspect" } },
    };

    private async Task<(HttpClient Client, long Victim, long Suspect, long Incident)> SceneAsync(string[]? behaviours = null, string relationship = "ExPartner", bool domestic = true)
    {
        var client = app.ClientFor(Investigator);
        var victim = await PersonAsync(client, "Victim");
        var suspect = await PersonAsync(client, "Suspect");
        var incident = await client.RecordIncidentAsync(Incident(victim, suspect, behaviours ?? ["Following"], relationship, domestic));
        return (client, victim, suspect, incident);
    }

    private static async Task<long> AssessAsync(HttpClient client, long incident, long victim, string tool, Dictionary<string, bool> answers, string? grade, string? rationale = "Weighed the answers and the history.")
    {
        var response = await client.PostAsJsonAsync("/api/v1/risk-assessments", new { incidentId = incident, victimId = victim, tool, answers, grade, rationale });
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private async Task<List<Alert>> AlertsAsync(string rule, AlertEvidenceKind kind, long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Alerts.AsNoTracking().Include(a => a.Evidence)
            .Where(a => a.RuleId == rule && a.Evidence.Any(e => e.Kind == kind && e.EntityId == id)).ToListAsync();
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        app.AdvanceTime(by);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RuleClock>().AdvanceAsync(CancellationToken.None);
    }

    private static Dictionary<string, bool> Yes(params string[] ids) => ids.ToDictionary(id => id, _ => true);

    // ---- Drafts, completion, review --------------------------------------------------------------------------------

    [Fact]
    public async Task Draft_SavedAsYouGo_CountsForNothing_UntilCompleted_ThenNeverChanged()
    {
        var (client, victim, _, incident) = await SceneAsync();
        var id = await AssessAsync(client, incident, victim, "Stalking", Yes("st01"), grade: null, rationale: null);
        var draft = await client.GetJsonAsync($"/api/v1/risk-assessments/{id}");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        var version = draft.GetProperty("version").GetString();

        // Answers merge; null clears one ("not known"); a stale version is refused.
        var saved = await (await client.PutAsJsonAsync($"/api/v1/risk-assessments/{id}/draft",
            new { version, answers = new Dictionary<string, bool?> { ["st04"] = true, ["st01"] = null }, grade = "Medium", rationale = "Visits several times a week." })).ExpectAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/v1/risk-assessments/{id}/draft", new { version, grade = "High" })).ExpectAsync(HttpStatusCode.Conflict);
        var newVersion = saved.GetProperty("version").GetString();

        await (await client.PostAsJsonAsync($"/api/v1/risk-assessments/{id}/complete", new { version = newVersion })).ExpectAsync(HttpStatusCode.OK);
        var complete = await client.GetJsonAsync($"/api/v1/risk-assessments/{id}");
        Assert.Equal("Complete", complete.GetProperty("status").GetString());
        Assert.Equal(["st04"], complete.GetProperty("answers").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Medium", complete.GetProperty("effectiveGrade").GetString());

        // Complete means complete: the draft endpoints refuse it.
        await (await client.PutAsJsonAsync($"/api/v1/risk-assessments/{id}/draft", new { version = complete.GetProperty("version").GetString(), grade = "Standard" }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.RiskAssessment, id), e => e.Action == AuditActions.Update && e.Detail == "completed");
    }

    [Fact]
    public async Task GradeWithoutRationale_RefusedNamingTheField_NothingWritten()
    {
        var (client, victim, _, incident) = await SceneAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.RiskAssessments.CountAsync();

        var fields = await (await client.PostAsJsonAsync("/api/v1/risk-assessments",
            new { incidentId = incident, victimId = victim, tool = "DASH", answers = Yes("dash01"), grade = "Standard", rationale = " " })).ExpectInvalidAsync();

        Assert.Equal(["rationale"], fields);
        Assert.Equal(before, await db.RiskAssessments.CountAsync());
    }

    [Fact]
    public async Task CompletingWithoutGrade_Refused_AndTheDraftStaysADraft()
    {
        var (client, victim, _, incident) = await SceneAsync();
        var id = await AssessAsync(client, incident, victim, "DASH", Yes("dash02"), grade: null, rationale: null);
        var version = (await client.GetJsonAsync($"/api/v1/risk-assessments/{id}")).GetProperty("version").GetString();

        var fields = await (await client.PostAsJsonAsync($"/api/v1/risk-assessments/{id}/complete", new { version })).ExpectInvalidAsync();

        Assert.Equal(["grade"], fields);
        Assert.Equal("Draft", (await client.GetJsonAsync($"/api/v1/risk-assessments/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SupervisorReview_RaisesGrade_ButCannotLowerAnActuarialHigh_AndOnlySupervisorsReview()
    {
        var (client, victim, _, incident) = await SceneAsync();
        var fourteen = Enumerable.Range(1, 14).ToDictionary(n => $"dash{n:D2}", _ => true);
        var high = await AssessAsync(client, incident, victim, "DASH", fourteen, "High");
        var medium = await AssessAsync(client, incident, victim, "Stalking", Yes("st01"), "Medium");
        var supervisor = app.ClientFor(Supervisor);

        var lowered = await (await supervisor.PostAsJsonAsync($"/api/v1/risk-assessments/{high}/reviews", new { grade = "Medium", rationale = "Victim says she feels safer." })).ExpectInvalidAsync();
        Assert.Equal(["grade"], lowered);
        await (await client.PostAsJsonAsync($"/api/v1/risk-assessments/{medium}/reviews", new { grade = "High", rationale = "Investigators cannot review." }))
            .ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["rationale"], await (await supervisor.PostAsJsonAsync($"/api/v1/risk-assessments/{medium}/reviews", new { grade = "High" })).ExpectInvalidAsync());

        await (await supervisor.PostAsJsonAsync($"/api/v1/risk-assessments/{medium}/reviews", new { grade = "High", rationale = "Fixated and escalating; raising." })).ExpectAsync(HttpStatusCode.OK);

        var view = await supervisor.GetJsonAsync($"/api/v1/risk-assessments/{medium}");
        Assert.Equal("Medium", view.GetProperty("grade").GetString());
        Assert.Equal("High", view.GetProperty("effectiveGrade").GetString());
        var review = Assert.Single(view.GetProperty("reviews").EnumerateArray());
        Assert.Equal("Medium", review.GetProperty("previousGrade").GetString());
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.RiskAssessment, medium), e => e.Action == AuditActions.Review);
    }

    // ---- What Vigil knows ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Suggestions_ComeFromLinkedIncidents_NamingThem_AndTheReadIsAudited()
    {
        var (client, victim, suspect, incident) = await SceneAsync(["ThreatToKill", "Following"]);
        var second = await client.RecordIncidentAsync(Incident(victim, suspect, ["Strangulation"]));

        var suggestions = await client.GetJsonAsync($"/api/v1/risk-assessments/suggestions?victimId={victim}&incidentId={second}&tool=DASH");

        var byQuestion = suggestions.EnumerateArray().ToDictionary(s => s.GetProperty("questionId").GetString()!, s => s.GetProperty("sources").EnumerateArray().Select(x => x.GetString()!).ToList());
        Assert.Contains(byQuestion["dash17"], s => s.StartsWith($"INC{incident:D6}", StringComparison.Ordinal));
        Assert.Contains(byQuestion["dash18"], s => s.StartsWith($"INC{second:D6}", StringComparison.Ordinal));
        Assert.Contains("dash06", byQuestion.Keys);
        Assert.DoesNotContain("dash16", byQuestion.Keys);
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.PersonRecord, victim), e => e.Action == AuditActions.Read);

        var fields = await (await client.GetAsync($"/api/v1/risk-assessments/suggestions?victimId={victim}&tool=Guesswork")).ExpectInvalidAsync();
        Assert.Equal(["tool"], fields);
    }

    [Fact]
    public async Task Indicators_ShowYesCountBandRedFlagsAndBehavioursFromEveryIncident()
    {
        var (client, victim, suspect, incident) = await SceneAsync(["Following", "Loitering"]);
        await client.RecordIncidentAsync(Incident(victim, suspect, ["TurningUpAtHome"]));
        var answers = Enumerable.Range(1, 11).ToDictionary(n => $"dash{n:D2}", _ => true);
        answers["dash17"] = true;
        var id = await AssessAsync(client, incident, victim, "DASH", answers, "High");

        var indicators = (await client.GetJsonAsync($"/api/v1/risk-assessments/{id}")).GetProperty("indicators");

        Assert.Equal(12, indicators.GetProperty("yesCount").GetInt32());
        Assert.Equal("Medium", indicators.GetProperty("band").GetString());
        var flags = indicators.GetProperty("redFlags").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("dash17", flags);
        Assert.Contains("dash06+dash08", flags);
        var behaviours = indicators.GetProperty("stalkingBehaviours").EnumerateArray().Select(b => b.GetProperty("behaviour").GetString()).ToList();
        Assert.Equal(["Following", "Loitering", "TurningUpAtHome"], behaviours);
    }

    [Fact]
    public async Task History_NewestFirst_EveryAssessmentKept()
    {
        var (client, victim, _, incident) = await SceneAsync();
        var first = await AssessAsync(client, incident, victim, "Stalking", Yes("st01"), "Medium");
        app.AdvanceTime(TimeSpan.FromMinutes(5));
        var second = await AssessAsync(client, incident, victim, "Stalking", Yes("st01", "st06"), "High");

        var history = await client.GetJsonAsync($"/api/v1/person-records/{victim}/risk-assessments");

        Assert.Equal([second, first], history.EnumerateArray().Select(h => h.GetProperty("id").GetInt64()));
        await (await app.ClientFor("sv.investigator").GetAsync($"/api/v1/person-records/{victim}/risk-assessments")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await app.ClientFor("sv.investigator").GetJsonAsync($"/api/v1/person-records/{victim}/risk-assessments")).EnumerateArray());
    }

    [Fact]
    public async Task ForceReference_ChangedWithReason_Audited_AndBadValuesRefusedByField()
    {
        var admin = app.ClientFor("cp.administrator");
        var bad = await (await admin.PutAsJsonAsync("/api/v1/risk-reference", new { highBand = 40, redFlags = new[] { "dash17", "nonsense" }, reason = "short" })).ExpectInvalidAsync();
        Assert.Equal(["highBand", "reason", "redFlags[1]"], bad.Order(StringComparer.Ordinal));
        await (await app.ClientFor(Investigator).PutAsJsonAsync("/api/v1/risk-reference", new { highBand = 12, reason = "Investigators cannot change this." }))
            .ExpectAsync(HttpStatusCode.Forbidden);

        var changed = await (await admin.PutAsJsonAsync("/api/v1/risk-reference", new
        {
            redFlags = new[] { "dash17", "DASH18", "dash06+dash08" },
            wording = new Dictionary<string, object> { ["dash02"] = new { en = "Is she very frightened?", cy = "A yw hi’n ofnus iawn?" } },
            reason = "Force policy review of the red-flag list.",
        })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["dash17", "dash18", "dash06+dash08"], changed.GetProperty("redFlags").EnumerateArray().Select(f => f.GetString()));
        var dash02 = changed.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "dash02");
        Assert.Equal("Is she very frightened?", dash02.GetProperty("wording").GetString());
        Assert.True(dash02.GetProperty("changed").GetBoolean());
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == AuditEntities.RiskReference).ToListAsync();
        Assert.Contains(audit, a => a.Detail!.StartsWith("redFlags:", StringComparison.Ordinal) && a.Detail.Contains("Force policy review", StringComparison.Ordinal));
        // Another force is untouched.
        var other = await app.ClientFor("sv.investigator").GetJsonAsync("/api/v1/risk-reference");
        Assert.Equal(RiskReference.DefaultRedFlags, other.GetProperty("redFlags").EnumerateArray().Select(f => f.GetString()!));
    }

    // ---- Rules ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task GradeInconsistent_StandardWithThreatToKill_RoutedToSupervisor_ButNotWhenGradedHigh()
    {
        var (client, victim, _, incident) = await SceneAsync(["UnwantedContact"], relationship: "Acquaintance", domestic: false);
        var standard = await AssessAsync(client, incident, victim, "DASH", Yes("dash17"), "Standard", "Few risk indicators, no violence.");
        var high = await AssessAsync(client, incident, victim, "DASH", Yes("dash17"), "High");

        var alert = Assert.Single(await AlertsAsync(RiskGradeInconsistentRule.RuleId, AlertEvidenceKind.RiskAssessment, standard));
        Assert.Equal("Supervisor", alert.OwnerRole);
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Contains("dash17", alert.MessageArguments[2], StringComparison.Ordinal);
        Assert.Empty(await AlertsAsync(RiskGradeInconsistentRule.RuleId, AlertEvidenceKind.RiskAssessment, high));
    }

    [Fact]
    public async Task GradeInconsistent_FourteenYesGradedMedium_Fires_ThirteenDoesNot()
    {
        var (client, victim, _, incident) = await SceneAsync(["UnwantedContact"], relationship: "Acquaintance", domestic: false);
        static Dictionary<string, bool> Answers(int yes) => Enumerable.Range(1, yes).ToDictionary(n => $"dash{n:D2}", _ => true);
        var fourteen = await AssessAsync(client, incident, victim, "DASH", Answers(14), "Medium");
        var thirteen = await AssessAsync(client, incident, victim, "DASH", Answers(13), "Medium");

        Assert.Single(await AlertsAsync(RiskGradeInconsistentRule.RuleId, AlertEvidenceKind.RiskAssessment, fourteen));
        Assert.Empty(await AlertsAsync(RiskGradeInconsistentRule.RuleId, AlertEvidenceKind.RiskAssessment, thirteen));
    }

    [Fact]
    public async Task ReassessmentDue_NewThreatAfterTheAssessment_High_AndNothingBeforeAnyAssessment()
    {
        var (client, victim, suspect, incident) = await SceneAsync();
        Assert.Empty(await AlertsAsync(RiskReassessmentDueRule.RuleId, AlertEvidenceKind.Incident, incident));
        var assessment = await AssessAsync(client, incident, victim, "Stalking", Yes("st01"), "Medium");

        var threat = await client.RecordIncidentAsync(Incident(victim, suspect, ["ThreatToKill"]));

        var alert = Assert.Single(await AlertsAsync(RiskReassessmentDueRule.RuleId, AlertEvidenceKind.Incident, threat));
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Contains(alert.Evidence, e => e.Kind == AlertEvidenceKind.RiskAssessment && e.EntityId == assessment);
    }

    [Fact]
    public async Task AssessmentMissing_FiresADayAfter_NotBefore_AndNotWhenAssessedInTime()
    {
        await AdvanceAsync(TimeSpan.Zero);
        var (_, _, _, unassessed) = await SceneAsync(["Following"], relationship: "Stranger", domestic: false);
        var (client, victim, _, assessed) = await SceneAsync(["Following"], relationship: "Stranger", domestic: false);
        await AdvanceAsync(TimeSpan.FromHours(2));
        await AssessAsync(client, assessed, victim, "Stalking", Yes("st05"), "Medium");
        await AdvanceAsync(TimeSpan.FromHours(20));
        Assert.Empty(await AlertsAsync(RiskAssessmentMissingRule.RuleId, AlertEvidenceKind.Incident, unassessed));

        await AdvanceAsync(TimeSpan.FromHours(3));

        Assert.Single(await AlertsAsync(RiskAssessmentMissingRule.RuleId, AlertEvidenceKind.Incident, unassessed));
        Assert.Empty(await AlertsAsync(RiskAssessmentMissingRule.RuleId, AlertEvidenceKind.Incident, assessed));
    }

    [Fact]
    public async Task Marac_HighGradeInDomesticCase_NoReferralInTwoDays_Fires_ReferredVictimDoesNot()
    {
        await AdvanceAsync(TimeSpan.Zero);
        var (client, victim, _, incident) = await SceneAsync();
        var (_, referredVictim, _, referredIncident) = await SceneAsync();
        var high = await AssessAsync(client, incident, victim, "Stalking", Yes("st01", "st06"), "High");
        var referredHigh = await AssessAsync(client, referredIncident, referredVictim, "Stalking", Yes("st01", "st06"), "High");
        await (await client.PostAsJsonAsync("/api/v1/referrals", new { personId = referredVictim, to = "MARAC", consent = true, status = "Made" })).ExpectAsync(HttpStatusCode.Created);

        await AdvanceAsync(TimeSpan.FromHours(47));
        Assert.Empty(await AlertsAsync(MaracReferralCriteriaRule.RuleId, AlertEvidenceKind.RiskAssessment, high));
        await AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Single(await AlertsAsync(MaracReferralCriteriaRule.RuleId, AlertEvidenceKind.RiskAssessment, high));
        Assert.Empty(await AlertsAsync(MaracReferralCriteriaRule.RuleId, AlertEvidenceKind.RiskAssessment, referredHigh));
    }

    [Fact]
    public async Task HomicideTimeline_SeparationThenThreatToKill_Critical_NeighboursNever()
    {
        var (client, victim, suspect, _) = await SceneAsync(["UnwantedContact"]);
        var threat = await client.RecordIncidentAsync(Incident(victim, suspect, ["ThreatToKill"]));
        var (neighbourClient, neighbour, other, _) = await SceneAsync(["Watching"], relationship: "Neighbour", domestic: false);
        var neighbourThreat = await neighbourClient.RecordIncidentAsync(Incident(neighbour, other, ["ThreatToKill", "Weapon"], relationship: "Neighbour", domestic: false));

        var alert = Assert.Single(await AlertsAsync(HomicideTimelineEscalationRule.RuleId, AlertEvidenceKind.Incident, threat));
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Empty(await AlertsAsync(HomicideTimelineEscalationRule.RuleId, AlertEvidenceKind.Incident, neighbourThreat));
    }

    [Fact]
    public async Task DraftNeverCounts_ForMissingAssessment()
    {
        await AdvanceAsync(TimeSpan.Zero);
        var (client, victim, _, incident) = await SceneAsync(["Following"], relationship: "Stranger", domestic: false);
        await AssessAsync(client, incident, victim, "Stalking", Yes("st01"), grade: null, rationale: null);

        await AdvanceAsync(TimeSpan.FromHours(25));

        Assert.Single(await AlertsAsync(RiskAssessmentMissingRule.RuleId, AlertEvidenceKind.Incident, incident));
    }

    [Fact]
    public async Task Screening_KeepsWhyNotStalking()
    {
        var (client, _, _, incident) = await SceneAsync();
        var response = await client.PostAsJsonAsync("/api/v1/screenings", new
        {
            incidentId = incident, fixated = true, obsessive = false, unwanted = true, repeated = false,
            notStalkingReason = "One approach in a public place; no fixation shown yet.",
        });
        var id = (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var view = await client.GetJsonAsync($"/api/v1/screenings/{id}");

        Assert.Equal("One approach in a public place; no fixation shown yet.", view.GetProperty("notStalkingReason").GetString());
        Assert.Equal(JsonValueKind.False, view.GetProperty("fourYes").ValueKind);
    }

    [Fact]
    public async Task Pages_AnotherForcesIncident_Refused_BeforeShowingAnything_UnknownNotFound()
    {
        var (_, _, _, incident) = await SceneAsync();
        var other = app.ClientFor("sv.investigator");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/Risk/Start?incidentId={incident}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/Screening/New?incidentId={incident}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/Risk/Start?incidentId=987654321")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(Investigator).GetAsync($"/Risk/Start?incidentId={incident}")).StatusCode);
    }
}
