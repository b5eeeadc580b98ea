using System.Net;
using System.Net.Http.Json;

namespace Vigil.IntegrationTests;

/// <summary>
/// The seeds' central complaint: nobody saw what other forces held. Summaries of every force's incidents are
/// visible on the person page; another force's full record opens only with a recorded purpose.
/// </summary>
public sealed class CrossForceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task OtherForceIncident_InPersonSummary_FullRecordNeedsPurpose_GrantExpires()
    {
        var cp = app.ClientFor("cp.investigator");
        var sv = app.ClientFor("sv.responseofficer");
        var victim = await cp.CreatePersonAsync("Megan", Api.UniqueName("Pritchard"), phone: "07700900123");
        var suspect = await sv.CreatePersonAsync("Dan", Api.UniqueName("Hughes"));
        var svIncident = await sv.RecordIncidentAsync(Api.Incident(victim, suspect, "NonCrimeOther"));

        var person = await cp.GetJsonAsync($"/api/v1/person-records/{victim}");
        var summary = Assert.Single(person.GetProperty("incidents").EnumerateArray());
        Assert.Equal(svIncident, summary.GetProperty("incidentId").GetInt64());
        Assert.Equal("SV", summary.GetProperty("forceCode").GetString());
        Assert.False(summary.GetProperty("ownForce").GetBoolean());
        Assert.Equal("NonCrimeOther", summary.GetProperty("classification").GetString());
        Assert.Contains("Following", summary.GetProperty("behaviours").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(["Victim"], summary.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var refused = await cp.GetJsonAsync($"/api/v1/incidents/{svIncident}", HttpStatusCode.Forbidden);
        Assert.True(refused.GetProperty("purposeRequired").GetBoolean());
        var tooShort = await cp.SendAsync(Api.WithPurpose(HttpMethod.Get, $"/api/v1/incidents/{svIncident}", "because"));
        Assert.Contains("purpose", await tooShort.ExpectInvalidAsync());

        var opened = await (await cp.SendAsync(Api.WithPurpose(HttpMethod.Get, $"/api/v1/incidents/{svIncident}", "Linked stalking reports against the same suspect"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("SV", opened.GetProperty("forceCode").GetString());
        await cp.GetJsonAsync($"/api/v1/incidents/{svIncident}");

        var audit = await app.AuditEventsForAsync("Incident", svIncident);
        Assert.Contains(audit, a => a.Action == "ReadWithPurpose" && a.Purpose == "Linked stalking reports against the same suspect" && a.UserId == "demo-cp.investigator");

        app.AdvanceTime(TimeSpan.FromHours(9));
        await cp.GetJsonAsync($"/api/v1/incidents/{svIncident}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OtherForcePersonRecord_IdentityShown_ContactDetailsWithheldUntilPurpose()
    {
        var cp = app.ClientFor("cp.responseofficer");
        var family = Api.UniqueName("Lloyd");
        var id = await cp.CreatePersonAsync("Rhys", family, "1988-02-01", "07700900777");
        var sv = app.ClientFor("sv.investigator");

        var withheld = await sv.GetJsonAsync($"/api/v1/person-records/{id}");
        var full = await (await sv.SendAsync(Api.WithPurpose(HttpMethod.Get, $"/api/v1/person-records/{id}", "Checking a caller's history before a visit"))).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(family, withheld.GetProperty("familyName").GetString());
        Assert.True(withheld.GetProperty("detailWithheld").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, withheld.GetProperty("phones").ValueKind);
        Assert.False(full.GetProperty("detailWithheld").GetBoolean());
        Assert.Equal("07700900777", full.GetProperty("phones")[0].GetString());
    }

    [Fact]
    public async Task Case_MayLinkAnotherForcesIncident_ButOnlyOwnerChangesIt()
    {
        var cp = app.ClientFor("cp.investigator");
        var sv = app.ClientFor("sv.investigator");
        var victim = await cp.CreatePersonAsync("Nia", Api.UniqueName("Cross"));
        var suspect = await cp.CreatePersonAsync("Owain", Api.UniqueName("Cross"));
        var cpIncident = await cp.RecordIncidentAsync(victim, suspect);
        var svIncident = await sv.RecordIncidentAsync(victim, suspect);

        var (caseId, version) = await cp.OpenCaseAsync([cpIncident, svIncident], victim, suspect);
        var handOverBySv = await sv.PostAsJsonAsync($"/api/v1/cases/{caseId}/handovers", new { version, officerUserId = "demo-sv.investigator", reason = "Taking over from another force" });

        var view = await cp.GetJsonAsync($"/api/v1/cases/{caseId}");
        Assert.Equal(["CP", "SV"], view.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("forceCode").GetString()).Order());
        await handOverBySv.ExpectAsync(HttpStatusCode.Forbidden);
        await sv.GetJsonAsync($"/api/v1/cases/{caseId}", HttpStatusCode.Forbidden);
    }
}
