using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Alerts;

namespace Vigil.IntegrationTests;

/// <summary>
/// Rules run with every recorded incident, on resolved identities, in the same transaction: the same victim and
/// suspect recorded by two forces under different spellings are one course of conduct; new evidence updates the
/// open alert instead of raising a second one; a refused write raises nothing.
/// </summary>
public sealed class AlertRulesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SameVictimAndSuspect_InTwoForces_UnderTwoSpellings_OneCourseOfConductAlert_UpdatedByAThird()
    {
        var cp = app.ClientFor("cp.investigator");
        var sv = app.ClientFor("sv.investigator");
        var family = Api.UniqueName("Hughes");
        var victimFamily = Api.UniqueName("Pritchard");
        var victimCp = await cp.CreatePersonAsync("Megan", victimFamily, "1994-06-12", "07700900123");
        var suspectCp = await cp.CreatePersonAsync("Daniel", family, "1991-11-03", "07700900456");
        var first = await cp.RecordIncidentAsync(Api.Incident(victimCp, suspectCp, "MaliciousCommunications"));

        Assert.Empty(await app.AlertsForIncidentAsync("course-of-conduct", first));

        var victimSv = await sv.CreatePersonAsync("Megan", victimFamily, "1994-06-12", "07700900123");
        var suspectSv = await sv.CreatePersonAsync("Dan", family, "1991-11-03", "07700 900456");
        var second = await sv.RecordIncidentAsync(Api.Incident(victimSv, suspectSv, "Harassment"));

        var alert = Assert.Single(await app.AlertsForIncidentAsync("course-of-conduct", second));
        Assert.Equal("SV", alert.Force!.Code);
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Equal([first, second], alert.Evidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).Order());
        Assert.Superset(new HashSet<long> { victimCp, victimSv, suspectCp, suspectSv }, alert.Evidence.Where(e => e.Kind == AlertEvidenceKind.PersonRecord).Select(e => e.EntityId).ToHashSet());
        Assert.Equal("2", alert.MessageArguments[0]);
        Assert.Equal("CP, SV", alert.MessageArguments[4]);

        var crossForce = await app.AlertsForIncidentAsync("cross-force-history", second);
        Assert.Equal(2, crossForce.Count);
        Assert.All(crossForce, a => Assert.Contains(a.Evidence, e => e.Kind == AlertEvidenceKind.Incident && e.EntityId == first));

        var third = await sv.RecordIncidentAsync(Api.Incident(victimSv, suspectSv, "StalkingS2A"));

        var updated = Assert.Single(await app.AlertsForIncidentAsync("course-of-conduct", third));
        Assert.Equal(alert.Id, updated.Id);
        Assert.Equal([first, second, third], updated.Evidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).Order());
        Assert.Equal([AlertChange.Raised, AlertChange.Updated], updated.History.OrderBy(h => h.Id).Select(h => h.Change));
        Assert.Equal("3", updated.MessageArguments[0]);
    }

    [Fact]
    public async Task VictimOfThreeIncidentsInAYear_RepeatVictim_OnlyAtTheThird()
    {
        var cp = app.ClientFor("cp.investigator");
        var victim = await cp.CreatePersonAsync("Sian", Api.UniqueName("Evans"), "1980-01-02");
        var incidents = new List<long>();
        async Task RecordAsync(int i)
        {
            // Three different men: unrelated names and birthdays, so nothing links them into one suspect.
            var suspect = await cp.CreatePersonAsync(new[] { "Rhys", "Tomasz", "Callum" }[i], Api.UniqueName(new[] { "Morgan", "Kowalski", "Bevan" }[i]), $"19{60 + 9 * i}-0{i + 2}-1{i}");
            incidents.Add(await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "NonCrimeOther")));
        }
        await RecordAsync(0);
        await RecordAsync(1);

        Assert.Empty(await app.AlertsForIncidentAsync("repeat-victim", incidents[1]));

        await RecordAsync(2);
        var alert = Assert.Single(await app.AlertsForIncidentAsync("repeat-victim", incidents[2]));
        Assert.Equal(incidents, alert.Evidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).Order());
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Empty(await app.AlertsForIncidentAsync("course-of-conduct", incidents[2]));
    }

    [Fact]
    public async Task ExPartnerFollowingHer_RecordedAsMaliciousComms_ThenHarassment_ConsiderStalkingAndS4A_AtTheSecond()
    {
        var cp = app.ClientFor("cp.investigator");
        var victim = await cp.CreatePersonAsync("Carys", Api.UniqueName("Watkins"), "1990-03-04");
        var suspect = await cp.CreatePersonAsync("Geraint", Api.UniqueName("Pugh"), "1987-07-08");
        var first = await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "MaliciousCommunications"));

        Assert.Empty(await app.AlertsForIncidentAsync("consider-stalking", first));
        Assert.Empty(await app.AlertsForIncidentAsync("consider-s4a", first));

        var second = await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "Harassment"));

        var stalking = Assert.Single(await app.AlertsForIncidentAsync("consider-stalking", second));
        Assert.Equal(AlertSeverity.High, stalking.Severity);
        Assert.Equal("Alert.ConsiderStalking", stalking.MessageKey);
        Assert.Equal(["Harassment", "MaliciousCommunications"], AlertText.CodesOf(stalking.MessageArguments[3]));
        Assert.Equal(["Following", "TurningUpAtWork"], AlertText.CodesOf(stalking.MessageArguments[4]));
        var s4a = Assert.Single(await app.AlertsForIncidentAsync("consider-s4a", second));
        Assert.Equal("2", s4a.MessageArguments[2]);
    }

    [Fact]
    public async Task RecordedAsS4A_NeitherConsiderRuleFires()
    {
        var cp = app.ClientFor("cp.investigator");
        var victim = await cp.CreatePersonAsync("Bethan", Api.UniqueName("Prosser"), "1992-09-10");
        var suspect = await cp.CreatePersonAsync("Huw", Api.UniqueName("Gittins"), "1985-11-12");
        await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "StalkingS4A"));
        var second = await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "StalkingS4A"));

        Assert.Empty(await app.AlertsForIncidentAsync("consider-stalking", second));
        Assert.Empty(await app.AlertsForIncidentAsync("consider-s4a", second));
        Assert.Single(await app.AlertsForIncidentAsync("course-of-conduct", second));
    }

    [Fact]
    public async Task SuspectHarassingTwoDifferentVictims_SerialPerpetrator()
    {
        var cp = app.ClientFor("cp.investigator");
        var sv = app.ClientFor("sv.investigator");
        var suspectFamily = Api.UniqueName("Maddocks");
        var suspect = await cp.CreatePersonAsync("Aled", suspectFamily, "1979-04-05", "07700900321");
        var firstVictim = await cp.CreatePersonAsync("Lowri", Api.UniqueName("Beynon"), "1983-01-06");
        var first = await cp.RecordIncidentAsync(Api.Incident(firstVictim, suspect, "Harassment"));

        Assert.Empty(await app.AlertsForIncidentAsync("serial-perpetrator", first));

        var suspectElsewhere = await sv.CreatePersonAsync("Aled", suspectFamily, "1979-04-05", "07700 900321");
        var secondVictim = await sv.CreatePersonAsync("Ffion", Api.UniqueName("Probert"), "1996-02-07");
        var second = await sv.RecordIncidentAsync(Api.Incident(secondVictim, suspectElsewhere, "CriminalDamage", included: ["StalkingS2A"]));

        var alert = Assert.Single(await app.AlertsForIncidentAsync("serial-perpetrator", second));
        Assert.Equal("2", alert.MessageArguments[1]);
        Assert.Equal([first, second], alert.Evidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).Order());
    }

    [Fact]
    public async Task OneTriggerWithTwoIncidentsOfOnePair_RaisesOneAlert()
    {
        var cp = app.ClientFor("cp.supervisor");
        var victim = await cp.CreatePersonAsync("Lowri", Api.UniqueName("Ellis"), "1987-02-13");
        var suspect = await cp.CreatePersonAsync("Tomasz", Api.UniqueName("Nowak"), "1983-09-27");
        var first = await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "NonCrimeOther"));
        var second = await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "NonCrimeOther"));
        var raised = Assert.Single(await app.AlertsForIncidentAsync("course-of-conduct", second));
        await (await cp.PostAsJsonAsync($"/api/v1/alerts/{raised.Id}/resolve", new { rationale = "Linked into one case." })).ExpectAsync(HttpStatusCode.OK);

        // As the demo seed or an import does: both incidents in one run of the rules.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Vigil.Infrastructure.Data.AppDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<AlertEngine>();
            await Vigil.Infrastructure.Data.UnitOfWork.RunAsync<bool>(db, async ct =>
            {
                await engine.RunAsync(new RuleTrigger([first, second]), ct);
                return true;
            }, CancellationToken.None);
        }

        var alerts = await app.AlertsForIncidentAsync("course-of-conduct", second);
        Assert.Equal(2, alerts.Count);
        var again = Assert.Single(alerts, a => a.State == AlertState.Open);
        Assert.Equal([first, second], again.Evidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).Order());
    }

    [Fact]
    public async Task RefusedIncident_RaisesNothing()
    {
        var cp = app.ClientFor("cp.investigator");
        var victim = await cp.CreatePersonAsync("Nia", Api.UniqueName("Refused"));
        var suspect = await cp.CreatePersonAsync("Owain", Api.UniqueName("Refused"));
        var first = await cp.RecordIncidentAsync(victim, suspect);
        var invalid = Api.Incident(victim, suspect, "NotAClassification");

        var response = await cp.PostAsJsonAsync("/api/v1/incidents", invalid);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.AlertsForIncidentAsync("course-of-conduct", first));
    }
}

/// <summary>
/// The inbox API: alerts are seen by their force only (and rules about police use of records only by professional
/// standards); acknowledging and resolving are recorded by name, resolving needs a rationale, reads are audited.
/// </summary>
public sealed class AlertsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _pairs;

    private async Task<long> CourseOfConductAlertAsync(HttpClient client)
    {
        // Names made unique by a suffix still look alike to the resolver, so each pair also gets its own birthdays.
        var n = Interlocked.Increment(ref _pairs);
        var victim = await client.CreatePersonAsync(new[] { "Elin", "Seren", "Mared" }[n % 3], Api.UniqueName(new[] { "Harris", "Bowen", "Meredith" }[n % 3]), $"{1950 + 7 * n}-05-06");
        var suspect = await client.CreatePersonAsync(new[] { "Imran", "Piotr", "Kevin" }[n % 3], Api.UniqueName(new[] { "Khan", "Nowak", "Walker" }[n % 3]), $"{1940 + 7 * n}-03-14");
        await client.RecordIncidentAsync(Api.Incident(victim, suspect, "NonCrimeOther"));
        var second = await client.RecordIncidentAsync(Api.Incident(victim, suspect, "NonCrimeOther"));
        return Assert.Single(await app.AlertsForIncidentAsync("course-of-conduct", second)).Id;
    }

    [Fact]
    public async Task Alert_ReadAudited_AcknowledgedThenResolvedWithRationale_ByName()
    {
        var cp = app.ClientFor("cp.supervisor");
        var id = await CourseOfConductAlertAsync(cp);

        var view = await cp.GetJsonAsync($"/api/v1/alerts/{id}");
        Assert.Equal("course-of-conduct", view.GetProperty("alert").GetProperty("rule").GetString());
        Assert.Contains("are not in one case", view.GetProperty("alert").GetProperty("message").GetString());
        Assert.Equal(4, view.GetProperty("evidence").GetArrayLength());
        Assert.Contains(await app.AuditEventsForAsync("Alert", id), a => a.Action == "Read" && a.UserId == "demo-cp.supervisor");

        var acknowledged = await (await cp.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Acknowledged", acknowledged.GetProperty("alert").GetProperty("state").GetString());
        var noRationale = await cp.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { rationale = "  " });
        Assert.Contains("rationale", await noRationale.ExpectInvalidAsync());

        var resolved = await (await cp.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { rationale = "Both reports linked into one stalking investigation." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Resolved", resolved.GetProperty("alert").GetProperty("state").GetString());
        Assert.Equal("Both reports linked into one stalking investigation.", resolved.GetProperty("rationale").GetString());
        Assert.Equal(["Raised", "Acknowledged", "Resolved"], resolved.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString()));
        Assert.False(string.IsNullOrEmpty(resolved.GetProperty("resolvedBy").GetString()));

        var again = await cp.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { rationale = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task OfficerReadingAVictimWithNoPartInHerCase_OnlyProfessionalStandardsSeeTheAlert()
    {
        var investigator = app.ClientFor("cp.investigator");
        var victim = await investigator.CreatePersonAsync("Gwenllian", Api.UniqueName("Trevithick"), "1993-11-19");
        var suspect = await investigator.CreatePersonAsync("Owain", Api.UniqueName("Vaughan"), "1984-06-02");
        await investigator.RecordIncidentAsync(Api.Incident(victim, suspect, "StalkingS2A"));
        var nosy = app.ClientFor("cp.offendermanager");

        for (var i = 0; i < 22; i++)
        {
            await nosy.GetJsonAsync($"/api/v1/person-records/{victim}");
        }
        await investigator.GetJsonAsync($"/api/v1/person-records/{victim}");

        var standards = await app.ClientFor("cp.professionalstandards").GetJsonAsync("/api/v1/alerts?scope=force&pageSize=100");
        var mine = standards.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("message").GetString()!.Contains(app.DisplayNameOf("cp.offendermanager"), StringComparison.Ordinal)).ToList();
        Assert.Contains(mine, a => a.GetProperty("message").GetString()!.Contains("no part in any", StringComparison.Ordinal));
        Assert.Contains(mine, a => a.GetProperty("message").GetString()!.Contains("21 times in 24 hours", StringComparison.Ordinal));
        Assert.All(mine, a => Assert.Equal("suspicious-record-access", a.GetProperty("rule").GetString()));
        Assert.DoesNotContain(standards.GetProperty("items").EnumerateArray(), a => a.GetProperty("message").GetString()!.Contains(app.DisplayNameOf("cp.investigator"), StringComparison.Ordinal));
        var supervisor = await app.ClientFor("cp.supervisor").GetJsonAsync("/api/v1/alerts?scope=force&pageSize=100");
        Assert.DoesNotContain(supervisor.GetProperty("items").EnumerateArray(), a => a.GetProperty("rule").GetString() == "suspicious-record-access");
    }

    [Fact]
    public async Task OtherForce_AndProfessionalStandards_CannotSeeIt_BadScopeNamed()
    {
        var cp = app.ClientFor("cp.supervisor");
        var id = await CourseOfConductAlertAsync(cp);

        await app.ClientFor("sv.supervisor").GetJsonAsync($"/api/v1/alerts/{id}", HttpStatusCode.Forbidden);
        await app.ClientFor("cp.professionalstandards").GetJsonAsync($"/api/v1/alerts/{id}", HttpStatusCode.Forbidden);
        var callHandlerAnswer = await app.ClientFor("cp.callhandler").PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.Forbidden, callHandlerAnswer.StatusCode);

        var force = await cp.GetJsonAsync("/api/v1/alerts?scope=force&pageSize=100");
        Assert.True(force.GetProperty("total").GetInt32() >= 1);
        var bad = await cp.GetAsync("/api/v1/alerts?scope=everyone");
        Assert.Contains("scope", await bad.ExpectInvalidAsync());
    }
}
