using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Vigil.IntegrationTests;

public sealed class IncidentsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Record_ExistingVictimAndNewSuspect_201AndEveryFieldReadsBack()
    {
        var client = app.ClientFor("cp.responseofficer");
        var victimId = await client.CreatePersonAsync("Megan", Api.UniqueName("Pritchard"), "1994-06-12");
        var suspectFamily = Api.UniqueName("Hughes");

        var response = await client.PostAsJsonAsync("/api/v1/incidents", new
        {
            occurredFrom = "2026-02-20T17:30:00Z",
            occurredTo = "2026-02-20T17:45:00Z",
            classification = "stalkings2a",
            recordedAsCrime = true,
            narrative = "Waiting by her car in the work car park.",
            behaviours = new[] { "TurningUpAtWork", "Loitering" },
            channels = new[] { "InPerson" },
            relationship = "ExPartner",
            domestic = true,
            impact = new { fearOfViolence = true, seriousAlarmOrDistress = true, changedRoutine = false },
            location = new { text = "Riverside Business Park", lat = 51.62, lon = -3.93 },
            team = "resp",
            officer = "PC 2207",
            parties = new object[]
            {
                new { personRecordId = victimId, role = "Victim" },
                new { newPerson = new { givenName = "Dan", familyName = suspectFamily, dateOfBirth = "1991-11", phones = new[] { "07700900456" } }, role = "Suspect" },
            },
        });

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var incident = await client.GetJsonAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("StalkingS2A", incident.GetProperty("classification").GetString());
        Assert.Equal(["TurningUpAtWork", "Loitering"], incident.GetProperty("behaviours").EnumerateArray().Select(b => b.GetString()));
        Assert.True(incident.GetProperty("fearOfViolence").GetBoolean());
        Assert.False(incident.GetProperty("changedRoutine").GetBoolean());
        Assert.Equal("RESP", incident.GetProperty("teamCode").GetString());
        Assert.Equal("PC 2207", incident.GetProperty("officer").GetString());
        Assert.Equal("ExPartner", incident.GetProperty("relationship").GetString());
        var parties = incident.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(2, parties.Count);
        Assert.Contains(parties, p => p.GetProperty("role").GetString() == "Victim" && p.GetProperty("personRecordId").GetInt64() == victimId);
        Assert.Contains(parties, p => p.GetProperty("role").GetString() == "Suspect" && p.GetProperty("name").GetString() == "Dan " + suspectFamily);
        Assert.Equal(2, created.GetProperty("personRecordIds").GetArrayLength());
        Assert.Equal(1, await client.SearchCountAsync($"name={suspectFamily}&dateOfBirth=1991-11-03"));
    }

    [Fact]
    public async Task Record_NonCrimeIncident_StoredAsNonCrime()
    {
        var client = app.ClientFor("cp.callhandler");
        var victim = await client.CreatePersonAsync("Ann", Api.UniqueName("Neighbour"));
        var suspect = await client.CreatePersonAsync("Bob", Api.UniqueName("Neighbour"));

        var id = await client.RecordIncidentAsync(victim, suspect, "NeighbourDispute");

        var incident = await client.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal("NeighbourDispute", incident.GetProperty("classification").GetString());
        Assert.False(incident.GetProperty("recordedAsCrime").GetBoolean());
    }

    [Fact]
    public async Task IncludedClassification_IsSearchable()
    {
        var client = app.ClientFor("cp.investigator");
        var victim = await client.CreatePersonAsync("Cara", Api.UniqueName("Included"));
        var suspect = await client.CreatePersonAsync("Dai", Api.UniqueName("Included"));
        var id = await client.RecordIncidentAsync(Api.Incident(victim, suspect, "CriminalDamage", included: ["StalkingS2A"]));

        var found = await client.GetJsonAsync($"/api/v1/incidents?classification=StalkingS2A&personRecordId={victim}");
        var notFound = await client.GetJsonAsync($"/api/v1/incidents?classification=Theft&personRecordId={victim}");

        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(0, notFound.GetProperty("total").GetInt32());
    }

    public static TheoryData<string, string> BadIncidents => new()
    {
        { "occurredTo", """{"occurredFrom":"2026-02-20T10:00:00Z","occurredTo":"2026-02-19T10:00:00Z"}""" },
        { "occurredFrom", """{"occurredFrom":"2027-01-01T10:00:00Z"}""" },
        { "occurredFrom", """{"occurredFrom":null}""" },
        { "classification", """{"classification":"Stalking"}""" },
        { "classification", """{"classification":"3"}""" },
        { "behaviours[1]", """{"behaviours":["Following","Flying"]}""" },
        { "channels[0]", """{"channels":["Pigeon"]}""" },
        { "force", """{"force":"ZZ"}""" },
        { "force", """{"force":"SV"}""" },
        { "team", """{"team":"NOPE"}""" },
        { "relationship", """{"relationship":"Enemy"}""" },
        { "recordedAsCrime", """{"classification":"CivilMatter","recordedAsCrime":true}""" },
        { "includedClassifications", """{"includedClassifications":["StalkingS2A"]}""" },
        { "parties[0].personRecordId", """{"parties":[{"personRecordId":987654321,"role":"Victim"}]}""" },
        { "parties[0].role", """{"parties":[{"personRecordId":VICTIM,"role":"Bystander"}]}""" },
        { "parties", """{"parties":[]}""" },
        { "parties[1].newPerson.dateOfBirth", """{"parties":[{"personRecordId":VICTIM,"role":"Victim"},{"newPerson":{"familyName":"NEWNAME","dateOfBirth":"1990-13-01"},"role":"Suspect"}]}""" },
        { "location.lat", """{"location":{"text":"x","lat":95,"lon":0}}""" },
        { "occurredFrom", """{"occurredFrom":"not a date"}""" },
        { "domestic", """{"domestic":"perhaps"}""" },
    };

    [Theory]
    [MemberData(nameof(BadIncidents))]
    public async Task Record_BadField_400NamesItAndWritesNothing(string field, string overrides)
    {
        var client = app.ClientFor("cp.responseofficer");
        var victim = await client.CreatePersonAsync("Eve", Api.UniqueName("Valid"));
        var newName = Api.UniqueName("Neverwritten");
        var body = Merge(new Dictionary<string, object?>
        {
            ["occurredFrom"] = "2026-02-20T10:00:00Z",
            ["classification"] = "StalkingS2A",
            ["parties"] = new object[]
            {
                new { personRecordId = victim, role = "Victim" },
                new { newPerson = new { givenName = "Never", familyName = newName }, role = "Suspect" },
            },
        }, overrides.Replace("VICTIM", victim.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("NEWNAME", newName, StringComparison.Ordinal));

        var response = await client.PostAsync("/api/v1/incidents", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await response.ExpectInvalidAsync());
        Assert.Equal(0, await client.SearchCountAsync($"name={newName}"));
        Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/incidents?personRecordId={victim}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Record_OversizedNarrativeAndMalformedJson_400()
    {
        var client = app.ClientFor("cp.responseofficer");
        var victim = await client.CreatePersonAsync("Fay", Api.UniqueName("Long"));

        var oversized = await client.PostAsJsonAsync("/api/v1/incidents", new
        {
            occurredFrom = "2026-02-20T10:00:00Z",
            classification = "StalkingS2A",
            narrative = new string('x', 20_001),
            parties = new[] { new { personRecordId = victim, role = "Victim" } },
        });
        var malformed = await client.PostAsync("/api/v1/incidents", new StringContent("this is not JSON", Encoding.UTF8, "application/json"));

        Assert.Contains("narrative", await oversized.ExpectInvalidAsync());
        Assert.Contains("body", await malformed.ExpectInvalidAsync());
    }

    [Fact]
    public async Task List_BadQueryParameter_400NamesIt()
    {
        var client = app.ClientFor("cp.investigator");

        Assert.Contains("page", await (await client.GetAsync("/api/v1/incidents?page=abc")).ExpectInvalidAsync());
        Assert.Contains("pageSize", await (await client.GetAsync("/api/v1/incidents?pageSize=1000")).ExpectInvalidAsync());
        Assert.Contains("behaviour", await (await client.GetAsync("/api/v1/incidents?behaviour=Dancing")).ExpectInvalidAsync());
    }

    [Fact]
    public async Task Update_CurrentVersionSucceeds_StaleVersion409_OtherForce403()
    {
        var client = app.ClientFor("cp.investigator");
        var victim = await client.CreatePersonAsync("Gwen", Api.UniqueName("Update"));
        var suspect = await client.CreatePersonAsync("Huw", Api.UniqueName("Update"));
        var id = await client.RecordIncidentAsync(victim, suspect, "MaliciousCommunications");
        var original = await client.GetJsonAsync($"/api/v1/incidents/{id}");
        var version = original.GetProperty("version").GetString();

        var updated = await (await client.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version, classification = "StalkingS4A", impact = new { changedRoutine = true } })).ExpectAsync(HttpStatusCode.OK);
        var stale = await client.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version, narrative = "overwrite" });
        var otherForce = await app.ClientFor("sv.investigator").PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = updated.GetProperty("version").GetString(), narrative = "not yours" });

        Assert.Equal("StalkingS4A", updated.GetProperty("classification").GetString());
        Assert.True(updated.GetProperty("changedRoutine").GetBoolean());
        Assert.True(updated.GetProperty("fearOfViolence").GetBoolean());
        Assert.NotEqual(version, updated.GetProperty("version").GetString());
        Assert.Equal(409, (await stale.ExpectAsync(HttpStatusCode.Conflict)).GetProperty("status").GetInt32());
        await otherForce.ExpectAsync(HttpStatusCode.Forbidden);
        var after = await client.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal(original.GetProperty("narrative").GetString(), after.GetProperty("narrative").GetString());
    }

    private static string Merge(Dictionary<string, object?> defaults, string overridesJson)
    {
        var merged = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(defaults))!.AsObject();
        var overrides = System.Text.Json.Nodes.JsonNode.Parse(overridesJson)!.AsObject();
        foreach (var (key, value) in overrides)
        {
            merged[key] = value?.DeepClone();
        }
        return merged.ToJsonString();
    }
}
