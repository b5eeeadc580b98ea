using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// Impact evidence and the offence guidance through the API: impact evidence is written once with its audit line
/// and read back as given, refused whole naming every bad field, kept to the force holding the incident or case;
/// the guidance of a case starts from s4A and says what each point rests on and what is missing; and consider-s4a
/// hears the victim's account — it fires from impact evidence or a held impact statement, and stays quiet without.
/// </summary>
public sealed class OffencesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Investigator = "cp.investigator";

    private static readonly string[] GivenNames = ["Alun", "Branwen", "Cadi", "Deiniol", "Elin", "Ffion", "Glyn", "Hywel", "Ieuan", "Mererid", "Nia", "Owain"];

    private static int _people;

    private sealed record Scene(long Victim, long Suspect, long[] Incidents, long? Case);

    /// <summary>People no other test's resemble (unique family names, birthdays far apart), so the resolver never merges them.</summary>
    private static async Task<long> PersonAsync(HttpClient client, string familyStem)
    {
        var n = Interlocked.Increment(ref _people);
        var born = new DateOnly(1941, 5, 9).AddDays(n * 127 % 28_000);
        return await client.CreatePersonAsync(GivenNames[n % GivenNames.Length], Api.UniqueName(familyStem), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>An incident between the two that shows nothing s4A needs: no fear, no threat, distress without any change to her life.</summary>
    private static object QuietIncident(long victimId, long suspectId, int daysAgo) => new
    {
        occurredFrom = AppFactory.Start.AddDays(-daysAgo),
        classification = "Harassment",
        narrative = "He sent her flowers at work again after she asked him not to.",
        behaviours = new[] { "Gifts", "UnwantedContact" },
        channels = new[] { "ThirdParty" },
        relationship = "Acquaintance",
        domestic = false,
        impact = new { fearOfViolence = false, seriousAlarmOrDistress = true, changedRoutine = false },
        location = new { text = "King Street, Carmarthen" },
        parties = new object[] { new { personRecordId = victimId, role = "Victim" }, new { personRecordId = suspectId, role = "Suspect" } },
    };

    private static async Task<Scene> SceneAsync(HttpClient client, int incidents = 2, bool withCase = false, bool quiet = true)
    {
        var victim = await PersonAsync(client, "Victim");
        var suspect = await PersonAsync(client, "Suspect");
        var ids = new List<long>();
        for (var i = 0; i < incidents; i++)
        {
            ids.Add(await client.RecordIncidentAsync(quiet ? QuietIncident(victim, suspect, 10 - i) : Api.Incident(victim, suspect, "StalkingS2A", AppFactory.Start.AddDays(-10 + i))));
        }
        long? caseId = withCase ? (await client.OpenCaseAsync([.. ids], victim, suspect)).Id : null;
        return new Scene(victim, suspect, [.. ids], caseId);
    }

    private static object Account(Scene scene, bool onCase, params string[] effects) => Account(scene, onCase, null, effects);

    private static object Account(Scene scene, bool onCase, int? fearOccasions, params string[] effects) => new
    {
        incidentId = onCase ? (long?)null : scene.Incidents[0],
        caseId = onCase ? scene.Case : null,
        victimId = scene.Victim,
        kind = "VictimAccount",
        obtainedAt = AppFactory.Start.AddDays(-1),
        summary = "She no longer walks to work and has moved in with her sister.",
        effects,
        fearOccasions,
    };

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<int> ImpactEvidenceAboutAsync(Scene scene) => WithDbAsync(db =>
    {
        var incidents = scene.Incidents.ToList();
        var caseId = scene.Case ?? -1;
        return db.ImpactEvidence.CountAsync(e => (e.IncidentId != null && incidents.Contains(e.IncidentId.Value)) || e.CaseId == caseId);
    });

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    private static JsonElement Offence(JsonElement guidance, string offence) =>
        guidance.GetProperty("offences").EnumerateArray().Single(o => o.GetProperty("offence").GetString() == offence);

    private static JsonElement PointOf(JsonElement guidance, string offence, string point) =>
        Offence(guidance, offence).GetProperty("points").EnumerateArray().Single(p => p.GetProperty("point").GetString() == point);

    // ---- Impact evidence -----------------------------------------------------------------------------------------

    [Fact]
    public async Task ImpactEvidence_OnAnIncident_ReadBackAsGiven_CreateAndReadAudited()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 1);

        var response = await client.PostAsJsonAsync("/api/v1/impact-evidence", new
        {
            incidentId = scene.Incidents[0],
            victimId = scene.Victim,
            kind = "diary",
            obtainedAt = AppFactory.Start.AddDays(-2),
            summary = "  Diary of six weeks: she changed her route to work and fears he will hurt her.  ",
            effects = new[] { "ChangedRoutine", "FearOfViolence", "changedRoutine", "ChildrenRoutinesChanged" },
            fearOccasions = 3,
            otherEffect = "Sleeps with the light on",
            by = "DC 3301",
        });

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"IMP{id:D6}", created.GetProperty("reference").GetString());
        Assert.Equal($"/api/v1/impact-evidence/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(AuditActions.Create, Assert.Single(await app.AuditEventsForAsync(AuditEntities.ImpactEvidence, id)).Action);

        var view = await client.GetJsonAsync($"/api/v1/impact-evidence/{id}");

        Assert.Equal(scene.Incidents[0], view.GetProperty("record").GetProperty("incidentId").GetInt64());
        Assert.Equal("DC 3301", view.GetProperty("record").GetProperty("by").GetString());
        Assert.Equal(scene.Victim, view.GetProperty("victimId").GetInt64());
        Assert.Equal("Diary", view.GetProperty("kind").GetString());
        Assert.Equal(AppFactory.Start.AddDays(-2), view.GetProperty("obtainedAt").GetDateTimeOffset());
        Assert.Equal("Diary of six weeks: she changed her route to work and fears he will hurt her.", view.GetProperty("summary").GetString());
        Assert.Equal(["FearOfViolence", "ChangedRoutine", "ChildrenRoutinesChanged"], view.GetProperty("effects").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, view.GetProperty("fearOccasions").GetInt32());
        Assert.Equal("Sleeps with the light on", view.GetProperty("otherEffect").GetString());
        Assert.False(view.GetProperty("seriousAlarmWithSubstantialEffect").GetBoolean());
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.ImpactEvidence, id), a => a.Action == AuditActions.Read && a.UserId == "demo-" + Investigator);
    }

    [Fact]
    public async Task ImpactEvidence_EveryFieldWrong_400NamesEachOne_NothingWritten()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 1, withCase: true);

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/impact-evidence", new
        {
            incidentId = scene.Incidents[0],
            kind = "Letter",
            obtainedAt = AppFactory.Start.AddDays(1),
            summary = "   ",
            effects = new[] { "FearOfViolence", "Anxious" },
            otherEffect = new string('a', 501),
        }));

        Assert.Equal(["effects[1]", "fearOccasions", "kind", "obtainedAt", "otherEffect", "summary", "victimId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("VictimAccount, Diary, ImpactStatement", Assert.Single(errors["kind"]));
        Assert.Contains("today or in the past", Assert.Single(errors["obtainedAt"]));
        Assert.Equal(0, await ImpactEvidenceAboutAsync(scene));
    }

    public static TheoryData<string, string> BadImpactEvidence => new()
    {
        { """{"incidentId":INCIDENT,"caseId":CASE,"victimId":VICTIM,"kind":"Diary","obtainedAt":"2026-02-01T10:00:00Z","summary":"Moved out."}""", "caseId" },
        { """{"victimId":VICTIM,"kind":"Diary","obtainedAt":"2026-02-01T10:00:00Z","summary":"Moved out."}""", "incidentId" },
        { """{"incidentId":INCIDENT,"victimId":987654321,"kind":"Diary","obtainedAt":"2026-02-01T10:00:00Z","summary":"Moved out."}""", "victimId" },
        { """{"incidentId":INCIDENT,"victimId":VICTIM,"kind":"Diary","summary":"Moved out."}""", "obtainedAt" },
        { """{"incidentId":INCIDENT,"victimId":VICTIM,"kind":"Diary","obtainedAt":"2026-02-01T10:00:00Z","summary":"LONGTEXT"}""", "summary" },
        { """{"incidentId":INCIDENT,"victimId":VICTIM,"kind":"Diary","obtainedAt":"2026-02-01T10:00:00Z","summary":"Moved out.","fearOccasions":2}""", "fearOccasions" },
        { """{"incidentId":INCIDENT,"victimId":VICTIM,"kind":"Diary","obtainedAt":"2026-02-01T10:00:00Z","summary":"Moved out.","effects":["FearOfViolence"],"fearOccasions":0}""", "fearOccasions" },
        { """{"incidentId":INCIDENT,"victimId":VICTIM,"kind":"Diary","obtainedAt":"2026-02-01T10:00:00Z","summary":"Moved out.","effects":["3"]}""", "effects[0]" },
    };

    [Theory]
    [MemberData(nameof(BadImpactEvidence))]
    public async Task ImpactEvidence_BadField_400NamesIt_AndWritesNothing(string template, string field)
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 1, withCase: true);
        var body = template
            .Replace("INCIDENT", scene.Incidents[0].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("CASE", scene.Case!.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("VICTIM", scene.Victim.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("LONGTEXT", new string('a', 2_001), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/v1/impact-evidence", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await response.ExpectInvalidAsync());
        Assert.Equal(0, await ImpactEvidenceAboutAsync(scene));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImpactEvidence_OnAnotherForcesIncidentOrCase_403_NothingWritten(bool onCase)
    {
        var sv = app.ClientFor("sv.investigator");
        var scene = await SceneAsync(sv, incidents: 1, withCase: true);
        var body = Account(scene, onCase, "SeriousAlarmOrDistress", "MovedHome");

        await (await app.ClientFor(Investigator).PostAsJsonAsync("/api/v1/impact-evidence", body)).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal(0, await ImpactEvidenceAboutAsync(scene));
        // The same request from the force that holds the incident or case is fine: the refusal was about the force.
        await (await sv.PostAsJsonAsync("/api/v1/impact-evidence", body)).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("cp.analyst", HttpStatusCode.Forbidden)]
    [InlineData("cp.callhandler", HttpStatusCode.Forbidden)]
    [InlineData("cp.responseofficer", HttpStatusCode.Created)]
    [InlineData("cp.stalkingspoc", HttpStatusCode.Created)]
    public async Task ImpactEvidence_RecordedOnlyByRolesThatRecordSafeguarding_ReadByAnalyst(string userName, HttpStatusCode expected)
    {
        var scene = await SceneAsync(app.ClientFor(Investigator), incidents: 1);
        var created = await (await app.ClientFor(Investigator).PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, false, "ChangedRoutine")))
            .ExpectAsync(HttpStatusCode.Created);

        var response = await app.ClientFor(userName).PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, false, "TimeOffWork"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? 2 : 1, await ImpactEvidenceAboutAsync(scene));
        await app.ClientFor("cp.analyst").GetJsonAsync($"/api/v1/impact-evidence/{created.GetProperty("id").GetInt64()}");
    }

    [Fact]
    public async Task ImpactEvidence_OfAnotherForce_OpensOnlyWithAPurpose()
    {
        var sv = app.ClientFor("sv.investigator");
        var scene = await SceneAsync(sv, incidents: 1);
        var id = (await (await sv.PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, false, "MovedHome"))).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var cp = app.ClientFor(Investigator);

        var refused = await cp.GetJsonAsync($"/api/v1/impact-evidence/{id}", HttpStatusCode.Forbidden);
        await (await cp.SendAsync(Api.WithPurpose(HttpMethod.Get, $"/api/v1/impact-evidence/{id}", "Safeguarding visit to the victim tonight"))).ExpectAsync(HttpStatusCode.OK);

        Assert.True(refused.GetProperty("purposeRequired").GetBoolean());
        await cp.GetJsonAsync("/api/v1/impact-evidence/987654321", HttpStatusCode.NotFound);
    }

    // ---- Offence guidance ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Guidance_ExPartnerFollowingHerTwice_FearingViolence_StartsFromS4A_WithTheRecordsBehindEachPoint()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 2, withCase: true, quiet: false);
        var caseId = scene.Case!.Value;
        var evidence = (await (await client.PostAsJsonAsync("/api/v1/evidence", new { caseId, kind = "CCTV", status = "Secured" })).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var guidance = await client.GetJsonAsync($"/api/v1/cases/{caseId}/offence-guidance");

        Assert.Equal(["S4A", "S2A", "S4", "S2", "S76", "MaliciousCommunications"], guidance.GetProperty("offences").EnumerateArray().Select(o => o.GetProperty("offence").GetString()));
        var s4a = Offence(guidance, "S4A");
        Assert.Equal("Stalking involving fear of violence or serious alarm or distress (s4A)", s4a.GetProperty("name").GetString());
        var effect = PointOf(guidance, "S4A", "SeriousEffect");
        Assert.Equal("Met", effect.GetProperty("status").GetString());
        Assert.Equal(scene.Incidents.Select(i => $"INC{i:D6}"), effect.GetProperty("support").EnumerateArray().Select(s => s.GetProperty("reference").GetString()));
        Assert.Equal($"/api/v1/incidents/{scene.Incidents[0]}", effect.GetProperty("support")[0].GetProperty("href").GetString());
        Assert.Equal("Met", PointOf(guidance, "S4A", "CourseOfConduct").GetProperty("status").GetString());
        var knowledge = PointOf(guidance, "S4A", "KnowledgeOfEffect");
        Assert.Equal("Partly", knowledge.GetProperty("status").GetString());
        Assert.Contains("what told the suspect it was unwanted", Assert.Single(knowledge.GetProperty("missing").EnumerateArray()).GetString());
        Assert.Equal("Met", PointOf(guidance, "S76", "PersonallyConnected").GetProperty("status").GetString());
        var helpful = guidance.GetProperty("helpfulEvidence").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Contains("ImpactEvidence", helpful);
        Assert.DoesNotContain("CCTV", helpful);
        Assert.Contains(guidance.GetProperty("records").EnumerateArray(), r => r.GetProperty("reference").GetString() == $"EVD{evidence:D6}");
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.Case, caseId), a => a.Action == AuditActions.Read && a.UserId == "demo-" + Investigator);
    }

    [Fact]
    public async Task Guidance_FearOnOneOccasion_SaysS4ANeedsTwo_ThenImpactEvidenceMeetsIt()
    {
        var client = app.ClientFor(Investigator);
        var victim = await PersonAsync(client, "Victim");
        var suspect = await PersonAsync(client, "Suspect");
        var feared = await client.RecordIncidentAsync(Api.Incident(victim, suspect, "StalkingS2A", AppFactory.Start.AddDays(-9)));
        var quiet = await client.RecordIncidentAsync(QuietIncident(victim, suspect, 5));
        var (caseId, _) = await client.OpenCaseAsync([feared, quiet], victim, suspect);

        var before = PointOf(await client.GetJsonAsync($"/api/v1/cases/{caseId}/offence-guidance"), "S4A", "SeriousEffect");

        Assert.Equal("Partly", before.GetProperty("status").GetString());
        var missing = before.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(missing, m => m.Contains($"Fear of violence is recorded on one occasion (INC{feared:D6}); s4A needs two", StringComparison.Ordinal));

        var impact = (await (await client.PostAsJsonAsync("/api/v1/impact-evidence", Account(new Scene(victim, suspect, [feared, quiet], caseId), true, "SeriousAlarmOrDistress", "StoppedSocialActivities")))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var after = PointOf(await client.GetJsonAsync($"/api/v1/cases/{caseId}/offence-guidance"), "S4A", "SeriousEffect");

        Assert.Equal("Met", after.GetProperty("status").GetString());
        Assert.Contains(after.GetProperty("support").EnumerateArray(), s => s.GetProperty("reference").GetString() == $"IMP{impact:D6}"
            && s.GetProperty("href").GetString() == $"/api/v1/impact-evidence/{impact}");
    }

    [Fact]
    public async Task Guidance_InWelsh_WhenAskedInWelsh()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 1, withCase: true);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{scene.Case}/offence-guidance");
        request.Headers.AcceptLanguage.ParseAdd("cy");

        var guidance = await (await client.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Stelcian (a2A)", Offence(guidance, "S2A").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Guidance_UnknownCase404_AnotherForcesCaseNeedsAPurpose_ScrutinyPanelAndAdvocateRefused()
    {
        var sv = app.ClientFor("sv.investigator");
        var scene = await SceneAsync(sv, incidents: 1, withCase: true);
        var url = $"/api/v1/cases/{scene.Case}/offence-guidance";
        var cp = app.ClientFor(Investigator);

        await cp.GetJsonAsync("/api/v1/cases/987654321/offence-guidance", HttpStatusCode.NotFound);
        var refused = await cp.GetJsonAsync(url, HttpStatusCode.Forbidden);
        Assert.True(refused.GetProperty("purposeRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor("sv.scrutinypanel").GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor("isac.advocate").GetAsync(url)).StatusCode);

        await (await cp.SendAsync(Api.WithPurpose(HttpMethod.Get, url, "Joint investigation with Severn Vale into the same suspect"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.Case, scene.Case!.Value), a => a.Action == AuditActions.ReadWithPurpose && a.UserId == "demo-" + Investigator);
    }

    // ---- consider-s4a from the victim's account ------------------------------------------------------------------

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConsiderS4A_QuietWithoutImpactEvidence_FiresWhenTheAccountShowsDistressWithASubstantialEffect(bool onCase)
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 2, withCase: onCase);
        var last = scene.Incidents[^1];

        Assert.Empty(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, last));
        // Distress with only protective steps, and fear on one occasion: not yet what s4A needs.
        await (await client.PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, onCase, "SeriousAlarmOrDistress", "ChangedPhoneOrAccounts", "InstalledSecurity"))).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, onCase, 1, "FearOfViolence"))).ExpectAsync(HttpStatusCode.Created);
        Assert.Empty(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, last));

        var created = await (await client.PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, onCase, "SeriousAlarmOrDistress", "MovedHome", "TimeOffWork")))
            .ExpectAsync(HttpStatusCode.Created);

        var alert = Assert.Single(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, last));
        Assert.Equal("Alert.ConsiderS4A.Impact", alert.MessageKey);
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Equal(created.GetProperty("reference").GetString(), alert.MessageArguments[6]);
        Assert.Equal(["SeriousAlarmOrDistress", "MovedHome", "TimeOffWork"], AlertText.CodesOf(alert.MessageArguments[7]));
        Assert.Equal(scene.Incidents.Order(), alert.Evidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).Order());
        Assert.Equal(onCase, alert.Evidence.Any(e => e.Kind == AlertEvidenceKind.Case && e.EntityId == scene.Case));
    }

    [Fact]
    public async Task ConsiderS4A_FearOnTwoOccasionsInTheAccount_Fires()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 2);

        await (await client.PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, false, 2, "FearOfViolence"))).ExpectAsync(HttpStatusCode.Created);

        var alert = Assert.Single(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, scene.Incidents[1]));
        Assert.Equal(["FearOfViolence"], AlertText.CodesOf(alert.MessageArguments[7]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConsiderS4A_ImpactStatementRequested_Quiet_ThenSecured_Fires(bool onCase)
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 2, withCase: onCase);
        object Statement(string status) => onCase
            ? new { caseId = scene.Case, kind = "ImpactStatement", status }
            : new { incidentId = scene.Incidents[1], kind = "ImpactStatement", status };

        await (await client.PostAsJsonAsync("/api/v1/evidence", Statement("Requested"))).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/evidence", new { incidentId = scene.Incidents[0], kind = "Statement", status = "Secured" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Empty(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, scene.Incidents[1]));

        var secured = await (await client.PostAsJsonAsync("/api/v1/evidence", Statement("Secured"))).ExpectAsync(HttpStatusCode.Created);

        var alert = Assert.Single(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, scene.Incidents[1]));
        Assert.Equal("Alert.ConsiderS4A.ImpactStatement", alert.MessageKey);
        Assert.Equal(secured.GetProperty("reference").GetString(), alert.MessageArguments[6]);
    }

    [Fact]
    public async Task ConsiderS4A_AlreadyRaisedByTheIncidents_ImpactEvidenceOnTheCase_UpdatesTheSameAlert()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 2, withCase: true, quiet: false);
        var raised = Assert.Single(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, scene.Incidents[1]));
        Assert.Equal("Alert.ConsiderS4A", raised.MessageKey);

        var created = await (await client.PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, true, "SeriousAlarmOrDistress", "ChangedJob"))).ExpectAsync(HttpStatusCode.Created);

        var updated = Assert.Single(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, scene.Incidents[1]));
        Assert.Equal(raised.Id, updated.Id);
        Assert.Equal("Alert.ConsiderS4A.Impact", updated.MessageKey);
        Assert.Equal(created.GetProperty("reference").GetString(), updated.MessageArguments[6]);
        Assert.Equal("2", updated.MessageArguments[2]);
        Assert.Equal([AlertChange.Raised, AlertChange.Updated], updated.History.OrderBy(h => h.Id).Select(h => h.Change));
    }

    [Fact]
    public async Task ConsiderS4A_ImpactEvidenceOnASingleIncidentNotRecordedAsStalking_Quiet()
    {
        // One occasion, not called stalking: the rule's scope (s2A, or a course of conduct) is not met by an account alone.
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, incidents: 1);

        await (await client.PostAsJsonAsync("/api/v1/impact-evidence", Account(scene, false, "SeriousAlarmOrDistress", "MovedHome"))).ExpectAsync(HttpStatusCode.Created);

        Assert.Empty(await app.AlertsForIncidentAsync(ConsiderS4ARule.RuleId, scene.Incidents[0]));
    }
}
