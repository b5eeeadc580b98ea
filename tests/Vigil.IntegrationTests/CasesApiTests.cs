using System.Net;
using System.Net.Http.Json;

namespace Vigil.IntegrationTests;

public sealed class CasesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(HttpClient Client, long Victim, long Suspect, long[] Incidents)> TwoIncidentsAsync()
    {
        var client = app.ClientFor("cp.investigator");
        var victim = await client.CreatePersonAsync("Megan", Api.UniqueName("Case"));
        var suspect = await client.CreatePersonAsync("Daniel", Api.UniqueName("Case"));
        var first = await client.RecordIncidentAsync(victim, suspect, "MaliciousCommunications");
        var second = await client.RecordIncidentAsync(victim, suspect, "NonCrimeDomestic");
        return (client, victim, suspect, [first, second]);
    }

    [Fact]
    public async Task Open_OverTwoIncidents_ShowsIncidentsAndFirstAllocation()
    {
        var (client, victim, suspect, incidents) = await TwoIncidentsAsync();

        var (id, _) = await client.OpenCaseAsync(incidents, victim, suspect);

        var view = await client.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal(incidents.Order(), view.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("incidentId").GetInt64()).Order());
        Assert.Equal(victim, view.GetProperty("victimPersonRecordId").GetInt64());
        Assert.Equal("demo-cp.investigator", view.GetProperty("officerUserId").GetString());
        Assert.Equal(1, view.GetProperty("allocations").GetArrayLength());
        Assert.Equal(0, view.GetProperty("handovers").GetInt32());
        Assert.Equal("Open", view.GetProperty("status").GetString());
        var incident = await client.GetJsonAsync($"/api/v1/incidents/{incidents[0]}");
        Assert.Equal(id, Assert.Single(incident.GetProperty("cases").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Open_VictimNotAParty_UnknownIncident_400()
    {
        var (client, _, suspect, incidents) = await TwoIncidentsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/cases", new { incidentIds = new[] { incidents[0], 987654321L }, victimPersonRecordId = suspect });

        var errors = await response.ExpectInvalidAsync();
        Assert.Contains("incidentIds[1]", errors);
        Assert.Contains("victimPersonRecordId", errors);
    }

    [Fact]
    public async Task HandOver_CountsEveryHandover_AndRejectsStaleOrUnexplained()
    {
        var (client, victim, suspect, incidents) = await TwoIncidentsAsync();
        var (id, version) = await client.OpenCaseAsync(incidents, victim, suspect);

        var noReason = await client.PostAsJsonAsync($"/api/v1/cases/{id}/handovers", new { version, officerUserId = "demo-cp.investigator2" });
        var notAnOfficer = await client.PostAsJsonAsync($"/api/v1/cases/{id}/handovers", new { version, officerUserId = "demo-cp.callhandler", reason = "Call handler cannot hold a case" });
        var handedOver = await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/handovers", new { version, officerUserId = "demo-cp.investigator2", team = "DAU", reason = "Moved to the specialist stalking unit" })).ExpectAsync(HttpStatusCode.OK);
        var stale = await client.PostAsJsonAsync($"/api/v1/cases/{id}/handovers", new { version, officerUserId = "demo-cp.supervisor", reason = "Second handover with an old version" });

        Assert.Contains("reason", await noReason.ExpectInvalidAsync());
        Assert.Contains("officerUserId", await notAnOfficer.ExpectInvalidAsync());
        Assert.Equal(1, handedOver.GetProperty("handovers").GetInt32());
        Assert.Equal(2, handedOver.GetProperty("allocations").GetArrayLength());
        Assert.Equal("DAU", handedOver.GetProperty("teamCode").GetString());
        Assert.True(handedOver.GetProperty("teamIsSpecialist").GetBoolean());
        Assert.Equal("Moved to the specialist stalking unit", handedOver.GetProperty("allocations")[1].GetProperty("reason").GetString());
        await stale.ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OffenceDecision_NeedsRationale_AndKeepsHistory()
    {
        var (client, victim, suspect, incidents) = await TwoIncidentsAsync();
        var (id, version) = await client.OpenCaseAsync(incidents, victim, suspect);

        var missing = await client.PostAsJsonAsync($"/api/v1/cases/{id}/offence-decisions", new { version, offence = "Harassment" });
        var first = await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/offence-decisions", new { version, offence = "Harassment", rationale = "Messages only so far; no stalking acts identified yet." })).ExpectAsync(HttpStatusCode.OK);
        var second = await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/offence-decisions", new { version = first.GetProperty("version").GetString(), offence = "StalkingS4A", rationale = "She has changed her route to work and fears violence." })).ExpectAsync(HttpStatusCode.OK);

        var errors = await missing.ExpectInvalidAsync();
        Assert.Contains("rationale", errors);
        var decisions = second.GetProperty("offenceDecisions").EnumerateArray().Select(d => d.GetProperty("offence").GetString()).ToList();
        Assert.Equal(["StalkingS4A", "Harassment"], decisions);
    }

    [Theory]
    [InlineData("Closed", null, "outcome")]
    [InlineData("Closed", 23, "outcome")]
    [InlineData("Open", 15, "outcome")]
    [InlineData("Closed", 1, "status")]
    [InlineData("Finished", null, "status")]
    public async Task Outcome_Invalid_400NamesField(string status, int? outcome, string field)
    {
        var (client, victim, suspect, incidents) = await TwoIncidentsAsync();
        var (id, version) = await client.OpenCaseAsync(incidents, victim, suspect);

        var response = await client.PutAsJsonAsync($"/api/v1/cases/{id}/outcome", new { version, status, outcome });

        Assert.Contains(field, await response.ExpectInvalidAsync());
        Assert.Equal("Open", (await client.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Outcome_CloseWith15_ThenListedAsClosed()
    {
        var (client, victim, suspect, incidents) = await TwoIncidentsAsync();
        var (id, version) = await client.OpenCaseAsync(incidents, victim, suspect);

        var closed = await (await client.PutAsJsonAsync($"/api/v1/cases/{id}/outcome", new { version, status = "Closed", outcome = 15 })).ExpectAsync(HttpStatusCode.OK);
        var mine = await client.GetJsonAsync("/api/v1/cases?mine=true&status=Closed&pageSize=100");

        Assert.Equal(15, closed.GetProperty("outcome").GetInt32());
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task AddIncidents_AddsNew_RefusesDuplicate()
    {
        var (client, victim, suspect, incidents) = await TwoIncidentsAsync();
        var (id, version) = await client.OpenCaseAsync([incidents[0]], victim, suspect);

        var duplicate = await client.PostAsJsonAsync($"/api/v1/cases/{id}/incidents", new { version, incidentIds = new[] { incidents[0] } });
        var added = await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/incidents", new { version, incidentIds = new[] { incidents[1] } })).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("incidentIds[0]", await duplicate.ExpectInvalidAsync());
        Assert.Equal(2, added.GetProperty("incidents").GetArrayLength());
    }

    [Fact]
    public async Task Open_TooManyIncidents_400WithoutLookingThemUp()
    {
        var client = app.ClientFor("cp.investigator");

        var response = await client.PostAsJsonAsync("/api/v1/cases", new { incidentIds = Enumerable.Range(1, 5_000).Select(i => (long)i).ToArray() });

        Assert.Contains("incidentIds", await response.ExpectInvalidAsync());
    }
}
