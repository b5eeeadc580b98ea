using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.IntegrationTests;

/// <summary>
/// Every saved person record resolves to an identity. The same human recorded by two forces is one identity whose
/// incidents every force sees; people overrule the engine with decisions that merge or split, can be revoked, and
/// may not contradict each other. Records here carry no address unless the test is about one, and each test uses
/// its own dates of birth and phone numbers, so one test's records never link with another's.
/// </summary>
public sealed class PersonResolutionApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Because = "Custody photographs and the PNC entry show these records describe the same man.";

    [Fact]
    public async Task SameManInTwoForces_ResolvedToOneIdentity_LinkExplainedByDateOfBirthAndPhone()
    {
        var (cpRecord, svRecord) = await SameManInCpAndSvAsync("1991-11-03", "900123");
        var cp = app.ClientFor("cp.investigator");

        var cpView = await cp.GetJsonAsync($"/api/v1/person-records/{cpRecord}");
        var svView = await cp.GetJsonAsync($"/api/v1/person-records/{svRecord}");
        var personId = cpView.GetProperty("personId").GetInt64();

        Assert.Equal(personId, svView.GetProperty("personId").GetInt64());
        Assert.Equal($"PN{personId:D6}", cpView.GetProperty("personReference").GetString());
        Assert.Equal(2, cpView.GetProperty("linkedRecords").GetInt32());
        var person = await cp.GetJsonAsync($"/api/v1/people/{personId}");
        Assert.Equal(personId, person.GetProperty("id").GetInt64());
        var records = person.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal([cpRecord, svRecord], records.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(["CP", "SV"], records.Select(r => r.GetProperty("forceCode").GetString()));
        var link = Assert.Single(person.GetProperty("links").EnumerateArray());
        Assert.Equal(svRecord, link.GetProperty("recordId").GetInt64());
        Assert.Equal(cpRecord, link.GetProperty("linkedToId").GetInt64());
        Assert.Equal("evidence", link.GetProperty("basis").GetString());
        var fields = Fields(link.GetProperty("explanation"));
        Assert.Equal(0, fields["dateOfBirth"].GetProperty("levelIndex").GetInt32());
        Assert.Equal(0, fields["phone"].GetProperty("levelIndex").GetInt32());
        Assert.True(fields["phone"].GetProperty("weight").GetDouble() > 0);
        Assert.True(fields["given"].GetProperty("levelIndex").GetInt32() >= 0);
    }

    [Fact]
    public async Task IncidentInAnotherForce_SeenFromOwnRecordThroughTheIdentity()
    {
        var (cpRecord, svRecord) = await SameManInCpAndSvAsync("1987-04-19", "900234");
        var sv = app.ClientFor("sv.investigator");
        var victim = await AddAsync(sv, "Megan", Api.UniqueName("Pritchard"), "1993-02-08");
        var svIncident = await sv.RecordIncidentAsync(victim, svRecord);
        var cp = app.ClientFor("cp.investigator");

        var view = await cp.GetJsonAsync($"/api/v1/person-records/{cpRecord}");

        var summary = Assert.Single(view.GetProperty("incidents").EnumerateArray());
        Assert.Equal(svIncident, summary.GetProperty("incidentId").GetInt64());
        Assert.Equal("SV", summary.GetProperty("forceCode").GetString());
        Assert.False(summary.GetProperty("ownForce").GetBoolean());
        Assert.Equal(["Suspect"], summary.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var person = await cp.GetJsonAsync($"/api/v1/people/{view.GetProperty("personId").GetInt64()}");
        Assert.Equal([svIncident], person.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("incidentId").GetInt64()));
    }

    [Fact]
    public async Task SameNameDifferentDatesOfBirth_NoSharedContact_TwoIdentities()
    {
        var cp = app.ClientFor("cp.investigator");
        var family = Api.UniqueName("Jones");
        var older = await AddAsync(cp, "Gareth", family, "1970-01-01");
        var younger = await AddAsync(cp, "Gareth", family, "1988-05-05");

        var olderPerson = await PersonOfAsync(cp, older);
        var youngerPerson = await PersonOfAsync(cp, younger);

        Assert.NotEqual(olderPerson, youngerPerson);
        Assert.Equal(1, (await cp.GetJsonAsync($"/api/v1/person-records/{older}")).GetProperty("linkedRecords").GetInt32());
        Assert.Empty((await cp.GetJsonAsync($"/api/v1/people/{olderPerson}")).GetProperty("possibleMatches").EnumerateArray());
    }

    [Fact]
    public async Task SplitThenRevoke_RecordsPartAndRejoinUnderTheOriginalIdentity()
    {
        var (cpRecord, svRecord) = await SameManInCpAndSvAsync("1979-08-27", "900345");
        var cp = app.ClientFor("cp.investigator");
        var original = await PersonOfAsync(cp, cpRecord);
        Assert.Equal(original, await PersonOfAsync(cp, svRecord));

        var split = await (await cp.PostAsJsonAsync("/api/v1/match-decisions", new
        {
            recordA = cpRecord,
            recordB = svRecord,
            samePerson = false,
            rationale = "Different custody photographs: the SV record is his cousin, who uses the same phone.",
        })).ExpectAsync(HttpStatusCode.Created);

        Assert.False(split.GetProperty("samePerson").GetBoolean());
        Assert.True(split.GetProperty("active").GetBoolean());
        var afterSplit = (Cp: await PersonOfAsync(cp, cpRecord), Sv: await PersonOfAsync(cp, svRecord));
        Assert.NotEqual(afterSplit.Cp, afterSplit.Sv);
        Assert.Contains(original, new[] { afterSplit.Cp, afterSplit.Sv });
        Assert.Equal([cpRecord], (await cp.GetJsonAsync($"/api/v1/people/{original}")).GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));

        var revoked = await (await cp.PostAsJsonAsync($"/api/v1/match-decisions/{split.GetProperty("id").GetInt64()}/revoke", new
        {
            rationale = "The cousin's record was a misreading of the custody log.",
        })).ExpectAsync(HttpStatusCode.OK);

        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.Equal("The cousin's record was a misreading of the custody log.", revoked.GetProperty("revocationRationale").GetString());
        Assert.Equal(original, await PersonOfAsync(cp, cpRecord));
        Assert.Equal(original, await PersonOfAsync(cp, svRecord));
        // The identity the split created now leads back to the original one.
        var formerSplit = afterSplit.Cp == original ? afterSplit.Sv : afterSplit.Cp;
        Assert.Equal(original, (await cp.GetJsonAsync($"/api/v1/people/{formerSplit}")).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ManualMerge_JoinsSeparateRecords_DecisionShownOnTheIdentity()
    {
        var cp = app.ClientFor("cp.investigator");
        var first = await AddAsync(cp, "Ffion", Api.UniqueName("Evans"), "1983-07-21");
        var second = await AddAsync(cp, "Bethan", Api.UniqueName("Morgan"), "1983-07-21");
        Assert.NotEqual(await PersonOfAsync(cp, first), await PersonOfAsync(cp, second));

        var decision = await (await cp.PostAsJsonAsync("/api/v1/match-decisions", new
        {
            recordA = first,
            recordB = second,
            samePerson = true,
            rationale = Because,
        })).ExpectAsync(HttpStatusCode.Created);

        var decisionId = decision.GetProperty("id").GetInt64();
        var person = await PersonOfAsync(cp, first);
        Assert.Equal(person, await PersonOfAsync(cp, second));
        var view = await cp.GetJsonAsync($"/api/v1/people/{person}");
        var shown = Assert.Single(view.GetProperty("decisions").EnumerateArray());
        Assert.Equal(decisionId, shown.GetProperty("id").GetInt64());
        Assert.True(shown.GetProperty("active").GetBoolean());
        Assert.True(shown.GetProperty("samePerson").GetBoolean());
        Assert.Equal(Because, shown.GetProperty("rationale").GetString());
        Assert.False(string.IsNullOrEmpty(shown.GetProperty("decidedBy").GetString()));
        var link = Assert.Single(view.GetProperty("links").EnumerateArray());
        Assert.Equal("decision", link.GetProperty("basis").GetString());
        Assert.Equal(decisionId, link.GetProperty("decisionId").GetInt64());
        Assert.Contains(await app.AuditEventsForAsync("MatchDecision", decisionId), a => a.Action == "Decide" && a.UserId == "demo-cp.investigator");
    }

    [Fact]
    public async Task Decide_MissingEverything_400NamesEachField()
    {
        var errors = await (await app.ClientFor("cp.investigator").PostAsJsonAsync("/api/v1/match-decisions", new { })).ExpectInvalidAsync();

        Assert.Equal(["rationale", "recordA", "recordB", "samePerson"], errors.Order());
    }

    [Fact]
    public async Task Decide_RationaleTooLongOrSameRecordTwice_400NamesTheField()
    {
        var cp = app.ClientFor("cp.investigator");
        var a = await AddAsync(cp, "Iwan", Api.UniqueName("Rees"), "1966-03-14");
        var b = await AddAsync(cp, "Huw", Api.UniqueName("Price"), "1972-10-30");

        var tooLong = await cp.PostAsJsonAsync("/api/v1/match-decisions", new { recordA = a, recordB = b, samePerson = true, rationale = new string('x', 2001) });
        var twice = await cp.PostAsJsonAsync("/api/v1/match-decisions", new { recordA = a, recordB = a, samePerson = true, rationale = Because });

        Assert.Equal(["rationale"], await tooLong.ExpectInvalidAsync());
        Assert.Equal(["recordB"], await twice.ExpectInvalidAsync());
        Assert.NotEqual(await PersonOfAsync(cp, a), await PersonOfAsync(cp, b));
    }

    [Theory]
    [InlineData("recordA")]
    [InlineData("recordB")]
    public async Task Decide_RecordThatDoesNotExist_400NamesIt(string missing)
    {
        var cp = app.ClientFor("cp.investigator");
        var real = await AddAsync(cp, "Osian", Api.UniqueName("Bowen"), "1959-12-02");
        const long nowhere = 999_999_999;

        var response = await cp.PostAsJsonAsync("/api/v1/match-decisions", new
        {
            recordA = missing == "recordA" ? nowhere : real,
            recordB = missing == "recordB" ? nowhere : real,
            samePerson = true,
            rationale = Because,
        });

        Assert.Equal([missing], await response.ExpectInvalidAsync());
    }

    [Fact]
    public async Task Revoke_Twice_Second400NamesRationale_UnknownDecision404()
    {
        var cp = app.ClientFor("cp.investigator");
        var a = await AddAsync(cp, "Tomos", Api.UniqueName("Powell"), "1962-06-09");
        var b = await AddAsync(cp, "Dafydd", Api.UniqueName("Jenkins"), "1968-01-25");
        var decision = await (await cp.PostAsJsonAsync("/api/v1/match-decisions", new { recordA = a, recordB = b, samePerson = true, rationale = Because })).ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/v1/match-decisions/{decision.GetProperty("id").GetInt64()}/revoke";

        await (await cp.PostAsJsonAsync(url, new { rationale = "Entered against the wrong record." })).ExpectAsync(HttpStatusCode.OK);
        var again = await cp.PostAsJsonAsync(url, new { rationale = "Entered against the wrong record." });
        var unknown = await cp.PostAsJsonAsync("/api/v1/match-decisions/999999999/revoke", new { rationale = "Entered against the wrong record." });

        Assert.Equal(["rationale"], await again.ExpectInvalidAsync());
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        Assert.NotEqual(await PersonOfAsync(cp, a), await PersonOfAsync(cp, b));
    }

    [Fact]
    public async Task Decide_AnotherForcesRecordsOnly_403_AndRoleWithoutTheRight_403()
    {
        var sv = app.ClientFor("sv.investigator");
        var a = await AddAsync(sv, "Rhodri", Api.UniqueName("Lewis"), "1975-09-16");
        var b = await AddAsync(sv, "Aled", Api.UniqueName("Hopkins"), "1977-11-11");
        var cpOwn = await AddAsync(app.ClientFor("cp.investigator"), "Geraint", Api.UniqueName("Vaughan"), "1961-05-04");
        var body = new { recordA = a, recordB = b, samePerson = true, rationale = Because };

        var otherForce = await app.ClientFor("cp.investigator").PostAsJsonAsync("/api/v1/match-decisions", body);
        var callHandler = await app.ClientFor("cp.callhandler").PostAsJsonAsync("/api/v1/match-decisions", new { recordA = cpOwn, recordB = a, samePerson = true, rationale = Because });
        var responseOfficer = await app.ClientFor("cp.responseofficer").PostAsJsonAsync("/api/v1/match-decisions", new { recordA = cpOwn, recordB = a, samePerson = true, rationale = Because });

        await otherForce.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, callHandler.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, responseOfficer.StatusCode);
        Assert.NotEqual(await PersonOfAsync(sv, a), await PersonOfAsync(sv, b));
        Assert.NotEqual(await PersonOfAsync(sv, a), await PersonOfAsync(sv, cpOwn));
    }

    [Fact]
    public async Task UnknownPerson404_UnknownQueueStatus400()
    {
        var cp = app.ClientFor("cp.investigator");

        var problem = await cp.GetJsonAsync("/api/v1/people/999999999", HttpStatusCode.NotFound);
        var errors = await (await cp.GetAsync("/api/v1/possible-matches?status=Nonsense")).ExpectInvalidAsync();

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(["status"], errors);
    }

    [Fact]
    public async Task DifferentPeopleDecision_ContradictingAChainOfSameDecisions_400AndNothingChanges()
    {
        var cp = app.ClientFor("cp.investigator");
        var a = await AddAsync(cp, "Alun", Api.UniqueName("Griffiths"), "1955-02-17");
        var b = await AddAsync(cp, "Emyr", Api.UniqueName("Thomas"), "1957-04-03");
        var c = await AddAsync(cp, "Gwyn", Api.UniqueName("Parry"), "1953-08-29");
        await (await cp.PostAsJsonAsync("/api/v1/match-decisions", new { recordA = a, recordB = b, samePerson = true, rationale = Because })).ExpectAsync(HttpStatusCode.Created);
        await (await cp.PostAsJsonAsync("/api/v1/match-decisions", new { recordA = b, recordB = c, samePerson = true, rationale = Because })).ExpectAsync(HttpStatusCode.Created);
        var person = await PersonOfAsync(cp, a);

        var contradiction = await cp.PostAsJsonAsync("/api/v1/match-decisions", new { recordA = a, recordB = c, samePerson = false, rationale = "Different fingerprints." });

        Assert.Equal(["recordA"], await contradiction.ExpectInvalidAsync());
        Assert.Equal(person, await PersonOfAsync(cp, c));
        Assert.Equal(person, await PersonOfAsync(cp, b));
        var decisions = (await cp.GetJsonAsync($"/api/v1/people/{person}")).GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.True(d.GetProperty("samePerson").GetBoolean()));
    }

    /// <summary>
    /// Two Emmas a week apart in age with different family names, in one postcode district: uncertain, so a person
    /// decides. (With the very same address and postcode the engine links them outright, without review.)
    /// </summary>
    [Fact]
    public async Task PossibleMatch_InQueue_DecidedSame_JoinsAndLeavesQueue_CannotBeDecidedTwice()
    {
        var cp = app.ClientFor("cp.investigator");
        var a = await AddAsync(cp, "Emma", Api.UniqueName("Walters"), "1990-01-06", address: ("14 Heol y Bont, Carmarthen", "SA31 1AB"));
        var b = await AddAsync(cp, "Emma", Api.UniqueName("Harries"), "1990-01-13", address: ("2 Lammas Street, Carmarthen", "SA31 3XY"));
        Assert.NotEqual(await PersonOfAsync(cp, a), await PersonOfAsync(cp, b));

        var match = Assert.Single(await OpenMatchesAsync(cp), m => m.GetProperty("recordA").GetProperty("id").GetInt64() == a);
        Assert.Equal(b, match.GetProperty("recordB").GetProperty("id").GetInt64());
        Assert.Equal("Open", match.GetProperty("status").GetString());
        var probability = match.GetProperty("probability").GetDouble();
        Assert.InRange(probability, 0.5, 0.99);
        var matchId = match.GetProperty("id").GetInt64();
        var detail = await cp.GetJsonAsync($"/api/v1/possible-matches/{matchId}");
        Assert.Equal(0, Fields(detail.GetProperty("explanation"))["given"].GetProperty("levelIndex").GetInt32());
        Assert.Contains(matchId, (await cp.GetJsonAsync($"/api/v1/people/{await PersonOfAsync(cp, a)}")).GetProperty("possibleMatches").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));

        var decided = await (await cp.PostAsJsonAsync($"/api/v1/possible-matches/{matchId}/decision", new { samePerson = true, rationale = Because })).ExpectAsync(HttpStatusCode.OK);

        Assert.True(decided.GetProperty("samePerson").GetBoolean());
        Assert.Equal(await PersonOfAsync(cp, a), await PersonOfAsync(cp, b));
        Assert.DoesNotContain(await OpenMatchesAsync(cp), m => m.GetProperty("id").GetInt64() == matchId);
        var closed = await cp.GetJsonAsync($"/api/v1/possible-matches/{matchId}");
        Assert.Equal("Same", closed.GetProperty("status").GetString());
        Assert.Equal(decided.GetProperty("id").GetInt64(), closed.GetProperty("decision").GetProperty("id").GetInt64());
        var again = await cp.PostAsJsonAsync($"/api/v1/possible-matches/{matchId}/decision", new { samePerson = true, rationale = Because });
        Assert.Equal(["samePerson"], await again.ExpectInvalidAsync());
    }

    /// <summary>"Daniel" in CP and "Dan" in SV: one family name, one full date of birth, one phone written two ways.</summary>
    [Fact]
    public async Task ExPartnersSharingHomeAndFirstName_StayTwoPeople()
    {
        // A victim and a suspect at one address with one given name: everything about the household agrees.
        var client = app.ClientFor("cp.investigator");
        var home = ("21 Stryd Fawr, Aberystwyth", "SY23 1DE");
        var victim = await AddAsync(client, "Sam", Api.UniqueName("Morgan"), "1995-01-01", address: home, sex: "F");
        var suspect = await AddAsync(client, "Sam", Api.UniqueName("Price"), "1989-05-05", address: home, sex: "M");

        Assert.NotEqual(await PersonOfAsync(client, victim), await PersonOfAsync(client, suspect));
    }

    [Fact]
    public async Task FatherAndSonWithOneNameAtOneAddress_StayTwoPeople()
    {
        var client = app.ClientFor("cp.investigator");
        var family = Api.UniqueName("Jones");
        var home = ("3 Maes y Coed, Bangor", "LL57 2EU");
        var father = await AddAsync(client, "Gareth", family, "1970-01-01", address: home, sex: "M");
        var son = await AddAsync(client, "Gareth", family, "1998-05-05", address: home, sex: "M");

        Assert.NotEqual(await PersonOfAsync(client, father), await PersonOfAsync(client, son));
    }

    private async Task<(long Cp, long Sv)> SameManInCpAndSvAsync(string dob, string phoneDigits)
    {
        var family = Api.UniqueName("Hughes");
        var cp = await AddAsync(app.ClientFor("cp.investigator"), "Daniel", family, dob, $"07700 {phoneDigits}");
        var sv = await AddAsync(app.ClientFor("sv.investigator"), "Dan", family, dob, $"+44 7700 {phoneDigits}");
        return (cp, sv);
    }

    /// <summary>A record with no address unless one is given: <see cref="Api.CreatePersonAsync"/> gives every record one shared address.</summary>
    private static async Task<long> AddAsync(HttpClient client, string given, string family, string dob, string? phone = null, (string Text, string Postcode)? address = null, string sex = "U")
    {
        var response = await client.PostAsJsonAsync("/api/v1/person-records", new
        {
            givenName = given,
            familyName = family,
            dateOfBirth = dob,
            sex,
            phones = phone is null ? null : new[] { phone },
            addresses = address is { } at ? new[] { new { text = at.Text, postcode = at.Postcode, kind = "Home" } } : null,
        });
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private static async Task<long> PersonOfAsync(HttpClient client, long recordId) =>
        (await client.GetJsonAsync($"/api/v1/person-records/{recordId}")).GetProperty("personId").GetInt64();

    private static async Task<List<JsonElement>> OpenMatchesAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/possible-matches?status=Open&pageSize=100")).GetProperty("items").EnumerateArray().ToList();

    private static Dictionary<string, JsonElement> Fields(JsonElement explanation) =>
        explanation.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
}
