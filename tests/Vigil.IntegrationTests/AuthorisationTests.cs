using System.Net;
using System.Net.Http.Json;

namespace Vigil.IntegrationTests;

/// <summary>Every endpoint checks who is asking: signed in, in which role, in which force or agency.</summary>
public sealed class AuthorisationTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/person-records?name=x" },
        { "GET", "/api/v1/person-records/1" },
        { "POST", "/api/v1/person-records" },
        { "GET", "/api/v1/incidents" },
        { "GET", "/api/v1/incidents/1" },
        { "POST", "/api/v1/incidents" },
        { "PATCH", "/api/v1/incidents/1" },
        { "GET", "/api/v1/cases" },
        { "GET", "/api/v1/cases/1" },
        { "POST", "/api/v1/cases" },
        { "POST", "/api/v1/cases/1/handovers" },
        { "POST", "/api/v1/cases/1/offence-decisions" },
        { "PUT", "/api/v1/cases/1/outcome" },
        { "POST", "/api/v1/cases/1/incidents" },
        { "GET", "/api/v1/access-tokens" },
        { "POST", "/api/v1/impact-evidence" },
        { "GET", "/api/v1/impact-evidence/1" },
        { "GET", "/api/v1/cases/1/offence-guidance" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_EveryEndpoint_401(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) };

        var response = await app.AnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BadToken_401()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "vgl_" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/incidents")).StatusCode);
    }

    [Theory]
    [InlineData("isac.advocate")]
    [InlineData("cp.scrutinypanel")]
    [InlineData("cp.administrator")]
    public async Task RolesWithoutNeedToKnow_CannotReadPersonalData(string user)
    {
        var owner = app.ClientFor("cp.investigator");
        var person = await owner.CreatePersonAsync("Private", Api.UniqueName("Record"));
        var client = app.ClientFor(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/person-records/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/person-records?name=private")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Theory]
    [InlineData("cp.callhandler", HttpStatusCode.Created, HttpStatusCode.Forbidden)]
    [InlineData("cp.responseofficer", HttpStatusCode.Created, HttpStatusCode.Forbidden)]
    [InlineData("cp.investigator", HttpStatusCode.Created, HttpStatusCode.Created)]
    [InlineData("cp.supervisor", HttpStatusCode.Created, HttpStatusCode.Created)]
    [InlineData("cp.stalkingspoc", HttpStatusCode.Created, HttpStatusCode.Created)]
    [InlineData("cp.analyst", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("cp.civilordersofficer", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Roles_RecordIncidentAndOpenCase_AllowedOnlyToTheirRoles(string user, HttpStatusCode record, HttpStatusCode openCase)
    {
        var setup = app.ClientFor("cp.investigator");
        var victim = await setup.CreatePersonAsync("Role", Api.UniqueName("Victim"));
        var suspect = await setup.CreatePersonAsync("Role", Api.UniqueName("Suspect"));
        var existing = await setup.RecordIncidentAsync(victim, suspect);
        var client = app.ClientFor(user);

        var recorded = await client.PostAsJsonAsync("/api/v1/incidents", Api.Incident(victim, suspect));
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new { incidentIds = new[] { existing } });

        Assert.Equal(record, recorded.StatusCode);
        Assert.Equal(openCase, opened.StatusCode);
    }

    [Fact]
    public async Task OwnForceOnly_CannotRecordForAnotherForceOrChangeItsRecords()
    {
        var sv = app.ClientFor("sv.investigator");
        var victim = await sv.CreatePersonAsync("Force", Api.UniqueName("Owned"));
        var suspect = await sv.CreatePersonAsync("Force", Api.UniqueName("Owned"));
        var incident = await sv.RecordIncidentAsync(victim, suspect);
        var (caseId, version) = await sv.OpenCaseAsync([incident], victim, suspect);
        var cp = app.ClientFor("cp.supervisor");

        var asSv = await cp.PostAsJsonAsync("/api/v1/incidents", new { force = "SV", occurredFrom = "2026-02-01T10:00:00Z", classification = "StalkingS2A", parties = new[] { new { personRecordId = victim, role = "Victim" } } });
        var decide = await cp.PostAsJsonAsync($"/api/v1/cases/{caseId}/offence-decisions", new { version, offence = "StalkingS2A", rationale = "Not this force's case to decide." });

        Assert.Contains("force", await asSv.ExpectInvalidAsync());
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
    }
}
