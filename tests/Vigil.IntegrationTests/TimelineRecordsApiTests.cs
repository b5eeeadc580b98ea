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
using Vigil.Features.Considerations;
using Vigil.Features.Evidence;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Features.Referrals;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// The records a stalking timeline is made of — screenings, risk assessments, considerations, evidence and contact
/// agreements about an incident or a case; victim contacts, advice, referrals and sightings about a person; orders
/// and their breaches — through the API: each is written once with its audit line and read back as given, refused
/// whole when any field is wrong, kept to the force that holds the incident or case, read by another force only
/// with a purpose, and seen by the rules in the same transaction. Rule thresholds are a force's own.
/// </summary>
public sealed class TimelineRecordsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Investigator = "cp.investigator";

    /// <summary>Every kind of record the API creates, by its path, with the entity name its audit lines carry.</summary>
    private static readonly Dictionary<string, string> AuditEntityOf = new()
    {
        ["screenings"] = AuditEntities.Screening,
        ["risk-assessments"] = AuditEntities.RiskAssessment,
        ["considerations"] = AuditEntities.Consideration,
        ["evidence"] = AuditEntities.Evidence,
        ["contact-agreements"] = AuditEntities.ContactAgreement,
        ["victim-contacts"] = AuditEntities.VictimContact,
        ["advice"] = AuditEntities.Advice,
        ["referrals"] = AuditEntities.Referral,
        ["sightings"] = AuditEntities.Sighting,
        ["orders"] = AuditEntities.Order,
        ["breaches"] = AuditEntities.Breach,
    };

    private static readonly string[] GivenNames =
        ["Angharad", "Bryn", "Catrin", "Dafydd", "Eirlys", "Gareth", "Heledd", "Iwan", "Llinos", "Mostyn", "Nerys", "Osian", "Rhiannon", "Siôn", "Tegwen", "Wyn"];

    private static int _people;

    /// <summary>A victim and a suspect with one incident between them, and optionally a case over it and an order.</summary>
    private sealed record Scene(long Victim, long Suspect, long Incident, long? Case, long? Order);

    // ---- Setting up ------------------------------------------------------------------------------------------------

    /// <summary>
    /// A person no other test's person resembles: the resolver merges records with like names and birthdays, so each
    /// gets a unique family name, a given name from a rotating list and a birthday months from the last (113 days
    /// on, wrapping within eighty years: 113 and 29,000 share no factor, so no two are alike until thousands).
    /// </summary>
    private static async Task<long> PersonAsync(HttpClient client, string familyStem)
    {
        var n = Interlocked.Increment(ref _people);
        var born = new DateOnly(1935, 1, 3).AddDays(n * 113 % 29_000);
        return await client.CreatePersonAsync(GivenNames[n % GivenNames.Length], Api.UniqueName(familyStem), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static async Task<Scene> SceneAsync(HttpClient client, bool withCase = false, bool withOrder = false)
    {
        var victim = await PersonAsync(client, "Victim");
        var suspect = await PersonAsync(client, "Suspect");
        var incident = await client.RecordIncidentAsync(Api.Incident(victim, suspect, "Harassment"));
        long? caseId = withCase ? (await client.OpenCaseAsync([incident], victim, suspect)).Id : null;
        long? order = null;
        if (withOrder)
        {
            var response = await client.PostAsJsonAsync("/api/v1/orders", ValidBody("orders", new Scene(victim, suspect, incident, caseId, null)));
            order = (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        }
        return new Scene(victim, suspect, incident, caseId, order);
    }

    /// <summary>A valid request for each kind of record, about the scene's incident, victim, suspect or order.</summary>
    private static object ValidBody(string path, Scene scene) => path switch
    {
        "screenings" => new { incidentId = scene.Incident, fixated = true, obsessive = true, unwanted = true, repeated = false },
        "risk-assessments" => new { incidentId = scene.Incident, victimId = scene.Victim, tool = "Stalking", answers = new Dictionary<string, bool> { ["st01"] = true }, grade = "Medium", rationale = "Frightened; no threats yet." },
        "considerations" => new { incidentId = scene.Incident, what = "DVPN", decision = "Progressed", rationale = "Ex-partner, repeated attendance at her home." },
        "evidence" => new { incidentId = scene.Incident, kind = "Messages", status = "Secured" },
        "contact-agreements" => new { incidentId = scene.Incident, victimId = scene.Victim, frequency = "Every14Days" },
        "victim-contacts" => new { victimId = scene.Victim, summary = "Told her he has been interviewed.", informs = new[] { "Interview" } },
        "advice" => new { victimId = scene.Victim, text = "Keep a diary of every contact and call 999 if he comes to the house." },
        "referrals" => new { personId = scene.Victim, to = "IDVA", consent = true, status = "Offered" },
        "sightings" => new { personId = scene.Suspect, kind = "Seen", location = new { text = "Guildhall Square, Carmarthen" } },
        "orders" => new { orderType = "DVPN", subjectId = scene.Suspect, protectedIds = new[] { scene.Victim }, status = "Served", conditions = new[] { new { type = "NoContact", indirect = true } } },
        "breaches" => new { orderId = scene.Order, condition = 0, occurredAt = AppFactory.Start.AddDays(-1), description = "Sent her a message through a friend.", action = "Undecided" },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a kind of record"),
    };

    /// <summary>An incident between the two with nothing in it that says stalking: no stalking behaviour, not ex-partners.</summary>
    private static object DamageIncident(long victimId, long suspectId) => new
    {
        occurredFrom = AppFactory.Start.AddDays(-3),
        classification = "CriminalDamage",
        narrative = "Paint poured over her car on the drive overnight.",
        behaviours = new[] { "Damage" },
        channels = new[] { "InPerson" },
        relationship = "Neighbour",
        domestic = false,
        impact = new { fearOfViolence = false, seriousAlarmOrDistress = true, changedRoutine = false },
        location = new { text = "Heol y Dŵr, Carmarthen" },
        parties = new object[] { new { personRecordId = victimId, role = "Victim" }, new { personRecordId = suspectId, role = "Suspect" } },
    };

    // ---- Reading the outcome -------------------------------------------------------------------------------------

    /// <summary>
    /// Posts a record, checks it was created (201, Location, reference) and audited as created, then reads it back at
    /// its Location and checks that read was audited too. Returns the id and what the read showed.
    /// </summary>
    private async Task<(long Id, string Reference, JsonElement View)> CreateAndReadAsync(string userName, string path, object body)
    {
        var client = app.ClientFor(userName);
        var response = await client.PostAsJsonAsync($"/api/v1/{path}", body);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var reference = created.GetProperty("reference").GetString()!;
        Assert.Equal($"/api/v1/{path}/{id}", response.Headers.Location?.OriginalString);
        Assert.EndsWith(id.ToString("D6", CultureInfo.InvariantCulture), reference);

        var entity = AuditEntityOf[path];
        var beforeRead = await app.AuditEventsForAsync(entity, id);
        Assert.Equal(AuditActions.Create, Assert.Single(beforeRead).Action);
        Assert.Equal("demo-" + userName, beforeRead[0].UserId);

        var view = await client.GetJsonAsync(response.Headers.Location!.OriginalString);

        var afterRead = await app.AuditEventsForAsync(entity, id);
        var read = Assert.Single(afterRead, a => a.Action == AuditActions.Read);
        Assert.Equal("demo-" + userName, read.UserId);
        return (id, reference, view);
    }

    /// <summary>The field names of a 400 with their messages.</summary>
    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>How many records of any kind are about the scene's incident, case, victim or suspect.</summary>
    private Task<int> RecordsAboutAsync(Scene scene) => WithDbAsync(async db =>
    {
        long[] people = [scene.Victim, scene.Suspect];
        var incidentId = scene.Incident;
        // No case: an id no case has, so a record about no case is not counted as about this one.
        var caseId = scene.Case ?? -1;
        return await db.Screenings.CountAsync(r => r.IncidentId == incidentId || r.CaseId == caseId)
            + await db.RiskAssessments.CountAsync(r => r.IncidentId == incidentId || r.CaseId == caseId)
            + await db.Considerations.CountAsync(r => r.IncidentId == incidentId || r.CaseId == caseId)
            + await db.EvidenceItems.CountAsync(r => r.IncidentId == incidentId || r.CaseId == caseId)
            + await db.ContactAgreements.CountAsync(r => r.IncidentId == incidentId || r.CaseId == caseId)
            + await db.VictimContacts.CountAsync(r => people.Contains(r.VictimId))
            + await db.Advice.CountAsync(r => people.Contains(r.VictimId))
            + await db.Referrals.CountAsync(r => people.Contains(r.PersonRecordId))
            + await db.Sightings.CountAsync(r => people.Contains(r.PersonRecordId))
            + await db.Orders.CountAsync(r => people.Contains(r.SubjectId))
            + await db.Breaches.CountAsync(r => people.Contains(r.Order!.SubjectId));
    });

    private Task<long> ForceIdAsync(string code) => WithDbAsync(db => db.Forces.Where(f => f.Code == code).Select(f => f.Id).FirstAsync());

    private static Task<HttpResponseMessage> SetThresholdAsync(HttpClient client, string rule, string name, int? value, string? reason) =>
        client.PutAsJsonAsync($"/api/v1/rules/{rule}/thresholds/{name}", new { value, reason });

    private static JsonElement Threshold(JsonElement rules, string rule, string name) =>
        rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == rule)
            .GetProperty("thresholds").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    // ---- Created and read back ---------------------------------------------------------------------------------

    [Fact]
    public async Task Screening_OnAnIncident_ReadBackAsGiven_CreateAndReadAudited()
    {
        var scene = await SceneAsync(app.ClientFor(Investigator));

        var (id, reference, view) = await CreateAndReadAsync(Investigator, "screenings", new
        {
            incidentId = scene.Incident,
            fixated = true,
            obsessive = true,
            unwanted = false,
            repeated = true,
            answers = new Dictionary<string, bool> { ["st01"] = true, ["st04"] = false },
            by = "DC 3301",
        });

        var record = view.GetProperty("record");
        Assert.Equal(id, record.GetProperty("id").GetInt64());
        Assert.Equal(reference, record.GetProperty("reference").GetString());
        Assert.Equal(await ForceIdAsync("CP"), record.GetProperty("forceId").GetInt64());
        Assert.Equal(scene.Incident, record.GetProperty("incidentId").GetInt64());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("caseId").ValueKind);
        Assert.Equal("DC 3301", record.GetProperty("by").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), record.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.True(view.GetProperty("fixated").GetBoolean());
        Assert.True(view.GetProperty("obsessive").GetBoolean());
        Assert.False(view.GetProperty("unwanted").GetBoolean());
        Assert.True(view.GetProperty("repeated").GetBoolean());
        Assert.False(view.GetProperty("fourYes").GetBoolean());
        var answers = view.GetProperty("answers");
        Assert.Equal(2, answers.EnumerateObject().Count());
        Assert.True(answers.GetProperty("st01").GetBoolean());
        Assert.False(answers.GetProperty("st04").GetBoolean());
    }

    [Fact]
    public async Task RiskAssessment_ToolNamedInAnyCase_ReadBackWithYesCount()
    {
        var scene = await SceneAsync(app.ClientFor(Investigator));

        var (_, _, view) = await CreateAndReadAsync(Investigator, "risk-assessments", new
        {
            incidentId = scene.Incident,
            victimId = scene.Victim,
            tool = "dash",
            answers = new Dictionary<string, bool> { ["dash01"] = true, ["dash02"] = false, ["dash27"] = true },
            grade = "high",
            rationale = "Escalating: he now turns up at her work and has threatened her new partner.",
        });

        Assert.Equal(scene.Incident, view.GetProperty("record").GetProperty("incidentId").GetInt64());
        Assert.Equal(scene.Victim, view.GetProperty("victimId").GetInt64());
        Assert.Equal("DASH", view.GetProperty("tool").GetString());
        Assert.Equal("High", view.GetProperty("grade").GetString());
        Assert.Equal(2, view.GetProperty("yesCount").GetInt32());
        Assert.Equal(3, view.GetProperty("answers").EnumerateObject().Count());
        Assert.False(view.GetProperty("answers").GetProperty("dash02").GetBoolean());
        Assert.Equal("Escalating: he now turns up at her work and has threatened her new partner.", view.GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task ConsiderationEvidenceAndContactAgreement_OnACase_ReadBackAsGiven()
    {
        var scene = await SceneAsync(app.ClientFor(Investigator), withCase: true);
        var caseId = scene.Case!.Value;

        var (_, _, consideration) = await CreateAndReadAsync(Investigator, "considerations", new
        {
            caseId,
            what = "spo",
            decision = "NotProgressed",
            rationale = "Interim SPO applied for instead while the full application is prepared.",
        });
        var (_, _, evidence) = await CreateAndReadAsync(Investigator, "evidence", new
        {
            caseId,
            kind = "CCTV",
            status = "Requested",
            availableUntil = AppFactory.Start.AddDays(28),
            expectedBy = AppFactory.Start.AddDays(7),
            by = "PC 1101",
        });
        var (_, _, agreement) = await CreateAndReadAsync(Investigator, "contact-agreements", new
        {
            caseId,
            victimId = scene.Victim,
            frequency = "Every7Days",
            method = "Phone",
            safeContact = "Mobile only, no voicemail; never the landline.",
        });

        foreach (var view in new[] { consideration, evidence, agreement })
        {
            Assert.Equal(caseId, view.GetProperty("record").GetProperty("caseId").GetInt64());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("record").GetProperty("incidentId").ValueKind);
        }
        Assert.Equal("SPO", consideration.GetProperty("what").GetString());
        Assert.Equal("NotProgressed", consideration.GetProperty("decision").GetString());
        Assert.Equal("Interim SPO applied for instead while the full application is prepared.", consideration.GetProperty("rationale").GetString());
        // No "by" given: the recording officer's own name.
        Assert.Equal(app.DisplayNameOf(Investigator), consideration.GetProperty("record").GetProperty("by").GetString());
        Assert.Equal("CCTV", evidence.GetProperty("kind").GetString());
        Assert.Equal("Requested", evidence.GetProperty("status").GetString());
        Assert.Equal(AppFactory.Start.AddDays(28), evidence.GetProperty("availableUntil").GetDateTimeOffset());
        Assert.Equal(AppFactory.Start.AddDays(7), evidence.GetProperty("expectedBy").GetDateTimeOffset());
        Assert.Equal("PC 1101", evidence.GetProperty("record").GetProperty("by").GetString());
        Assert.Equal(scene.Victim, agreement.GetProperty("victimId").GetInt64());
        Assert.Equal("Every7Days", agreement.GetProperty("frequency").GetString());
        Assert.Equal("Phone", agreement.GetProperty("method").GetString());
        Assert.Equal("Mobile only, no voicemail; never the landline.", agreement.GetProperty("safeContact").GetString());
    }

    [Fact]
    public async Task VictimContactAdviceReferralAndSighting_AboutAnotherForcesPerson_ReadBackAsGiven()
    {
        // People cross force boundaries: a CP officer records these about people SV recorded.
        var scene = await SceneAsync(app.ClientFor("sv.investigator"));
        var cpForce = await ForceIdAsync("CP");

        var (_, _, contact) = await CreateAndReadAsync(Investigator, "victim-contacts", new
        {
            victimId = scene.Victim,
            summary = "Told her he was arrested and bailed with a condition not to contact her.",
            informs = new[] { "Arrest", "bail", "Arrest" },
        });
        var advice = new string('x', 3_990) + " end.";
        var (_, _, given) = await CreateAndReadAsync(Investigator, "advice", new { victimId = scene.Victim, text = "  " + advice + "  ", by = "PC 1101" });
        var (_, _, referral) = await CreateAndReadAsync(Investigator, "referrals", new { personId = scene.Victim, to = "ISAC", consent = true, status = "Made" });
        var (_, _, sighting) = await CreateAndReadAsync(Investigator, "sightings", new
        {
            personId = scene.Suspect,
            kind = "Residing",
            location = new { text = "Flat 2, 14 Priory Street, Carmarthen", lat = 51.8588, lon = -4.3011 },
        });

        Assert.Equal(scene.Victim, contact.GetProperty("victimId").GetInt64());
        Assert.Equal(cpForce, contact.GetProperty("forceId").GetInt64());
        Assert.Equal("Told her he was arrested and bailed with a condition not to contact her.", contact.GetProperty("summary").GetString());
        Assert.Equal(["Arrest", "Bail"], contact.GetProperty("informs").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(advice, given.GetProperty("text").GetString());
        Assert.Equal("PC 1101", given.GetProperty("by").GetString());
        Assert.Equal(scene.Victim, referral.GetProperty("personId").GetInt64());
        Assert.Equal("ISAC", referral.GetProperty("to").GetString());
        Assert.True(referral.GetProperty("consent").GetBoolean());
        Assert.Equal("Made", referral.GetProperty("status").GetString());
        Assert.Equal(cpForce, referral.GetProperty("forceId").GetInt64());
        Assert.Equal(scene.Suspect, sighting.GetProperty("personId").GetInt64());
        Assert.Equal("Residing", sighting.GetProperty("kind").GetString());
        Assert.Equal("Flat 2, 14 Priory Street, Carmarthen", sighting.GetProperty("locationText").GetString());
        Assert.Equal(51.8588, sighting.GetProperty("lat").GetDouble());
        Assert.Equal(-4.3011, sighting.GetProperty("lon").GetDouble());
    }

    [Fact]
    public async Task Order_WithEveryKindOfCondition_ReadBackWhole_WithItsFirstChange()
    {
        var scene = await SceneAsync(app.ClientFor(Investigator));
        var starts = AppFactory.Start.AddDays(-1);
        var ends = AppFactory.Start.AddYears(2);

        var (id, reference, order) = await CreateAndReadAsync(Investigator, "orders", new
        {
            orderType = "SPO",
            subjectId = scene.Suspect,
            protectedIds = new[] { scene.Victim, scene.Victim },
            status = "Granted",
            starts,
            ends,
            address = "4 Water Street, Carmarthen",
            conditions = new object[]
            {
                new { type = "NoContact", indirect = true },
                new { type = "ExclusionZone", lat = 51.857, lon = -4.312, radiusMetres = 500.0 },
                new { type = "ExclusionZone", polygon = new[] { new[] { 51.86, -4.32 }, new[] { 51.87, -4.30 }, new[] { 51.85, -4.29 } } },
                new { type = "NotToAttend", address = "Carmarthen Leisure Centre" },
                new { type = "Other", text = "Not to post about her on any social media." },
            },
        });

        Assert.Equal(id, order.GetProperty("id").GetInt64());
        Assert.Equal(reference, order.GetProperty("reference").GetString());
        Assert.Equal("SPO", order.GetProperty("orderType").GetString());
        Assert.Equal("Granted", order.GetProperty("status").GetString());
        Assert.Equal(scene.Suspect, order.GetProperty("subjectId").GetInt64());
        Assert.Equal([scene.Victim], order.GetProperty("protectedIds").EnumerateArray().Select(p => p.GetInt64()));
        Assert.Equal(starts, order.GetProperty("starts").GetDateTimeOffset());
        Assert.Equal(ends, order.GetProperty("ends").GetDateTimeOffset());
        Assert.Equal("4 Water Street, Carmarthen", order.GetProperty("address").GetString());
        Assert.True(Guid.TryParse(order.GetProperty("version").GetString(), out _));
        var conditions = order.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Equal(["NoContact", "ExclusionZone", "ExclusionZone", "NotToAttend", "Other"], conditions.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal([0, 1, 2, 3, 4], conditions.Select(c => c.GetProperty("position").GetInt32()));
        Assert.All(conditions, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("removedAt").ValueKind));
        Assert.True(conditions[0].GetProperty("indirect").GetBoolean());
        Assert.Equal(51.857, conditions[1].GetProperty("lat").GetDouble());
        Assert.Equal(-4.312, conditions[1].GetProperty("lon").GetDouble());
        Assert.Equal(500.0, conditions[1].GetProperty("radiusMetres").GetDouble());
        Assert.Equal(new[] { new[] { 51.86, -4.32 }, new[] { 51.87, -4.30 }, new[] { 51.85, -4.29 } },
            conditions[2].GetProperty("polygon").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()));
        Assert.Equal("Carmarthen Leisure Centre", conditions[3].GetProperty("address").GetString());
        Assert.Equal("Not to post about her on any social media.", conditions[4].GetProperty("text").GetString());
        var change = Assert.Single(order.GetProperty("changes").EnumerateArray());
        Assert.Equal("Granted", change.GetProperty("status").GetString());
        Assert.Equal("SPO", change.GetProperty("orderType").GetString());
        Assert.True(change.GetProperty("conditionsReplaced").GetBoolean());
    }

    [Fact]
    public async Task Breach_OfOneCondition_ByAnotherForce_ReadBackWithTheCondition()
    {
        var scene = await SceneAsync(app.ClientFor(Investigator));
        var orderId = (await CreateAndReadAsync(Investigator, "orders", new
        {
            orderType = "PreChargeBail",
            subjectId = scene.Suspect,
            protectedIds = new[] { scene.Victim },
            status = "Granted",
            conditions = new object[]
            {
                new { type = "NoContact", indirect = false },
                new { type = "NotToAttend", address = "Tesco, Carmarthen" },
            },
        })).Id;
        var order = await app.ClientFor(Investigator).GetJsonAsync($"/api/v1/orders/{orderId}");
        var notToAttend = order.GetProperty("conditions")[1].GetProperty("id").GetInt64();
        var occurredAt = AppFactory.Start.AddDays(-1);

        // Breaches happen where the subject goes: another force records one against this force's bail.
        var (_, _, breach) = await CreateAndReadAsync("sv.offendermanager", "breaches", new
        {
            orderId,
            occurredAt,
            reportedById = scene.Victim,
            description = "Seen inside the store while she was shopping.",
            condition = 1,
            location = new { text = "Tesco, Pensarn Road", lat = 51.846, lon = -4.305 },
            action = "Arrest",
            rationale = "Clear breach seen on store CCTV.",
        });

        Assert.Equal(orderId, breach.GetProperty("orderId").GetInt64());
        Assert.Equal(await ForceIdAsync("SV"), breach.GetProperty("forceId").GetInt64());
        Assert.Equal(notToAttend, breach.GetProperty("conditionId").GetInt64());
        Assert.Equal(occurredAt, breach.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(scene.Victim, breach.GetProperty("reportedById").GetInt64());
        Assert.Equal("Seen inside the store while she was shopping.", breach.GetProperty("description").GetString());
        Assert.Equal("Tesco, Pensarn Road", breach.GetProperty("locationText").GetString());
        Assert.Equal(51.846, breach.GetProperty("lat").GetDouble());
        Assert.Equal("Arrest", breach.GetProperty("action").GetString());
        Assert.Equal("Clear breach seen on store CCTV.", breach.GetProperty("rationale").GetString());
        // The force holding the bail reads a breach recorded elsewhere as its own: no purpose needed, still audited.
        var held = await app.ClientFor(Investigator).GetJsonAsync($"/api/v1/breaches/{breach.GetProperty("id").GetInt64()}");
        Assert.Equal(orderId, held.GetProperty("orderId").GetInt64());
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.Breach, breach.GetProperty("id").GetInt64()),
            a => a.UserId == "demo-" + Investigator && a.Action == AuditActions.Read);
    }

    [Theory]
    [InlineData("screenings")]
    [InlineData("risk-assessments")]
    [InlineData("considerations")]
    [InlineData("evidence")]
    [InlineData("contact-agreements")]
    [InlineData("victim-contacts")]
    [InlineData("advice")]
    [InlineData("referrals")]
    [InlineData("sightings")]
    [InlineData("orders")]
    [InlineData("breaches")]
    public async Task UnknownRecord_404(string path)
    {
        await app.ClientFor(Investigator).GetJsonAsync($"/api/v1/{path}/987654321", HttpStatusCode.NotFound);
    }

    // ---- Refused input -------------------------------------------------------------------------------------------

    public static TheoryData<string, string, string> BadRecords => new()
    {
        { "screenings", """{"incidentId":INCIDENT,"caseId":CASE,"fixated":true}""", "caseId" },
        { "screenings", """{"fixated":true}""", "incidentId" },
        { "screenings", """{"incidentId":987654321,"fixated":true}""", "incidentId" },
        { "screenings", """{"incidentId":INCIDENT}""", "fixated" },
        { "screenings", """{"incidentId":INCIDENT,"fixated":true,"answers":{"st01":true,"st12":true}}""", "answers.st12" },
        { "considerations", """{"caseId":987654321,"what":"SPO","decision":"Progressed"}""", "caseId" },
        { "considerations", """{"incidentId":INCIDENT,"what":"SPO","decision":"Progressed","rationale":"LONGTEXT"}""", "rationale" },
        { "risk-assessments", """{"incidentId":INCIDENT,"victimId":VICTIM,"tool":"Stalking","answers":{"st01":true,"dash01":true}}""", "answers.dash01" },
        { "risk-assessments", """{"caseId":CASE,"victimId":VICTIM,"tool":"DASH","answers":{"ht1":true}}""", "answers.ht1" },
        { "risk-assessments", """{"incidentId":INCIDENT,"tool":"DASH"}""", "victimId" },
        { "risk-assessments", """{"incidentId":INCIDENT,"victimId":987654321,"tool":"DASH"}""", "victimId" },
        { "evidence", """{"incidentId":INCIDENT,"caseId":CASE,"kind":"CCTV","status":"Secured"}""", "caseId" },
        { "contact-agreements", """{"caseId":CASE,"victimId":VICTIM}""", "frequency" },
        { "victim-contacts", """{"victimId":VICTIM,"summary":"  "}""", "summary" },
        // The suspect is not a victim of the case or incident: no agreement or contact can be filed against them.
        { "contact-agreements", """{"caseId":CASE,"victimId":SUSPECT,"frequency":"Every7Days"}""", "victimId" },
        { "contact-agreements", """{"incidentId":INCIDENT,"victimId":SUSPECT,"frequency":"SignificantDevelopments"}""", "victimId" },
        { "victim-contacts", """{"caseId":CASE,"victimId":SUSPECT,"summary":"Told him of the charge.","informs":["Charge"]}""", "victimId" },
        { "victim-contacts", """{"incidentId":INCIDENT,"victimId":SUSPECT,"summary":"Update."}""", "victimId" },
        { "victim-contacts", """{"caseId":987654321,"victimId":VICTIM,"summary":"Update."}""", "caseId" },
        { "victim-contacts", """{"victimId":VICTIM,"informs":["Arrest","Caution"]}""", "informs[1]" },
        { "advice", """{"victimId":VICTIM,"text":"   "}""", "text" },
        { "advice", """{"victimId":VICTIM,"text":"LONGTEXT"}""", "text" },
        { "advice", """{"text":"Call 999 if he comes to the house."}""", "victimId" },
        { "referrals", """{"personId":987654321,"to":"ISAC","status":"Made"}""", "personId" },
        { "sightings", """{"personId":SUSPECT,"kind":"Seen"}""", "location" },
        { "sightings", """{"personId":SUSPECT,"kind":"Seen","location":{"text":"Lammas Street","lat":95,"lon":-4.3}}""", "location.lat" },
        { "orders", """{"orderType":"SPO","subjectId":SUSPECT,"protectedIds":[VICTIM],"status":"Granted","conditions":[{"type":"ExclusionZone"}]}""", "conditions[0]" },
        { "orders", """{"orderType":"SPO","subjectId":SUSPECT,"status":"Granted","conditions":[{"type":"ExclusionZone","lat":51.85,"lon":-4.31,"radiusMetres":0}]}""", "conditions[0].radiusMetres" },
        { "orders", """{"orderType":"SPO","subjectId":SUSPECT,"status":"Granted","conditions":[{"type":"ExclusionZone","polygon":[[51.8,-4.3],[51.9,-4.3]]}]}""", "conditions[0].polygon" },
        { "orders", """{"orderType":"SPO","subjectId":SUSPECT,"status":"Granted","starts":"2026-03-01T00:00:00Z","ends":"2026-02-28T23:59:00Z"}""", "ends" },
        { "orders", """{"orderType":"SPO","subjectId":SUSPECT,"protectedIds":[SUSPECT],"status":"Granted"}""", "protectedIds[0]" },
        { "orders", """{"orderType":"SPO","subjectId":SUSPECT,"status":"Granted","conditions":[{"type":"NotToAttend"}]}""", "conditions[0].address" },
        { "breaches", """{"orderId":987654321,"condition":0}""", "orderId" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task Record_BadField_400NamesIt_AndWritesNothing(string path, string template, string field)
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, withCase: true);
        string Id(long? id) => id!.Value.ToString(CultureInfo.InvariantCulture);
        var body = template
            .Replace("INCIDENT", Id(scene.Incident), StringComparison.Ordinal)
            .Replace("CASE", Id(scene.Case), StringComparison.Ordinal)
            .Replace("VICTIM", Id(scene.Victim), StringComparison.Ordinal)
            .Replace("SUSPECT", Id(scene.Suspect), StringComparison.Ordinal)
            .Replace("LONGTEXT", new string('a', 4_001), StringComparison.Ordinal);

        var response = await client.PostAsync($"/api/v1/{path}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await response.ExpectInvalidAsync());
        Assert.Equal(0, await RecordsAboutAsync(scene));
    }

    [Fact]
    public async Task IncidentOrCase_NeitherOrBoth_Explained()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, withCase: true);

        var neither = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/evidence", new { kind = "CCTV", status = "Secured" }));
        var both = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/evidence", new { incidentId = scene.Incident, caseId = scene.Case, kind = "CCTV", status = "Secured" }));
        var unknownCase = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/evidence", new { caseId = 987654321L, kind = "CCTV", status = "Secured" }));

        Assert.Contains("either an incident or a case", Assert.Single(neither["incidentId"]));
        Assert.Contains("either an incident or a case", Assert.Single(both["caseId"]));
        Assert.Contains("987654321", Assert.Single(unknownCase["caseId"]));
        Assert.Equal(0, await RecordsAboutAsync(scene));
    }

    [Fact]
    public async Task UnknownChoice_400ListsTheAllowedNames_AndEveryBadFieldAtOnce()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client, withOrder: true);
        static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

        var consideration = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/considerations", new { incidentId = scene.Incident, what = "Injunction", decision = "Maybe" }));
        var evidence = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/evidence", new { incidentId = scene.Incident, kind = "Fingerprints", status = "Misplaced" }));
        var agreement = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/contact-agreements", new { incidentId = scene.Incident, victimId = scene.Victim, frequency = "Monthly", method = "Pigeon" }));
        var referral = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/referrals", new { personId = scene.Victim, to = "Samaritans", status = "Made" }));
        var sighting = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/sightings", new { personId = scene.Suspect, kind = "Glimpsed", location = new { text = "Lammas Street" } }));
        var order = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/orders", new { orderType = "Injunction", subjectId = scene.Suspect, status = "Pending", conditions = new[] { new { type = "Curfew" } } }));
        var breach = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/breaches", new { orderId = scene.Order, condition = 0, action = "Caution" }));
        var numeric = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/referrals", new { personId = scene.Victim, to = "3", status = "Made" }));

        Assert.Contains(Allowed<ConsiderationKind>(), Assert.Single(consideration["what"]));
        Assert.Contains(Allowed<ConsiderationDecision>(), Assert.Single(consideration["decision"]));
        Assert.Contains(Allowed<EvidenceKind>(), Assert.Single(evidence["kind"]));
        Assert.Contains(Allowed<EvidenceStatus>(), Assert.Single(evidence["status"]));
        Assert.Contains(Allowed<ContactFrequency>(), Assert.Single(agreement["frequency"]));
        Assert.Contains(Allowed<ContactMethod>(), Assert.Single(agreement["method"]));
        Assert.Contains(Allowed<ReferralTarget>(), Assert.Single(referral["to"]));
        Assert.Contains(Allowed<SightingKind>(), Assert.Single(sighting["kind"]));
        Assert.Contains(Allowed<OrderType>(), Assert.Single(order["orderType"]));
        Assert.Contains(Allowed<OrderStatus>(), Assert.Single(order["status"]));
        Assert.Contains(Allowed<ConditionType>(), Assert.Single(order["conditions[0].type"]));
        Assert.Contains(Allowed<BreachAction>(), Assert.Single(breach["action"]));
        Assert.Contains(Allowed<ReferralTarget>(), Assert.Single(numeric["to"]));
        // Only the order the scene set up; none of the refused requests left anything.
        Assert.Equal(1, await RecordsAboutAsync(scene));
    }

    // ---- Who may record and read ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("cp.analyst", "screenings", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "risk-assessments", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "considerations", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "evidence", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "contact-agreements", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "victim-contacts", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "advice", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "referrals", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "sightings", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "orders", HttpStatusCode.Forbidden)]
    [InlineData("cp.analyst", "breaches", HttpStatusCode.Forbidden)]
    [InlineData("cp.callhandler", "screenings", HttpStatusCode.Forbidden)]
    [InlineData("cp.callhandler", "breaches", HttpStatusCode.Forbidden)]
    [InlineData("cp.responseofficer", "orders", HttpStatusCode.Forbidden)]
    [InlineData("cp.responseofficer", "screenings", HttpStatusCode.Created)]
    [InlineData("cp.responseofficer", "breaches", HttpStatusCode.Created)]
    [InlineData("cp.civilordersofficer", "orders", HttpStatusCode.Created)]
    [InlineData("cp.offendermanager", "risk-assessments", HttpStatusCode.Created)]
    public async Task Record_OnlyRolesWithThePolicy(string userName, string path, HttpStatusCode expected)
    {
        var scene = await SceneAsync(app.ClientFor(Investigator), withOrder: true);
        var before = await RecordsAboutAsync(scene);

        var response = await app.ClientFor(userName).PostAsJsonAsync($"/api/v1/{path}", ValidBody(path, scene));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? before + 1 : before, await RecordsAboutAsync(scene));
    }

    [Fact]
    public async Task Read_NeedsReadCaseData_AnalystMay_ScrutinyPanelMayNot()
    {
        var scene = await SceneAsync(app.ClientFor(Investigator));
        var (id, _, _) = await CreateAndReadAsync(Investigator, "screenings", ValidBody("screenings", scene));

        var analyst = await app.ClientFor("cp.analyst").GetJsonAsync($"/api/v1/screenings/{id}");
        var panel = await app.ClientFor("cp.scrutinypanel").GetAsync($"/api/v1/screenings/{id}");

        Assert.Equal(id, analyst.GetProperty("record").GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, panel.StatusCode);
        var reads = (await app.AuditEventsForAsync(AuditEntities.Screening, id)).Where(a => a.Action == AuditActions.Read).Select(a => a.UserId);
        Assert.Equal(["demo-" + Investigator, "demo-cp.analyst"], reads);
    }

    [Theory]
    [InlineData("screenings", false)]
    [InlineData("screenings", true)]
    [InlineData("risk-assessments", false)]
    [InlineData("risk-assessments", true)]
    [InlineData("considerations", false)]
    [InlineData("considerations", true)]
    [InlineData("evidence", false)]
    [InlineData("evidence", true)]
    [InlineData("contact-agreements", false)]
    [InlineData("contact-agreements", true)]
    public async Task Record_OnAnotherForcesIncidentOrCase_403_NothingWritten(string path, bool onCase)
    {
        var scene = await SceneAsync(app.ClientFor("sv.investigator"), withCase: true);
        var body = JsonSerializer.SerializeToNode(ValidBody(path, scene), JsonSerializerOptions.Web)!.AsObject();
        if (onCase)
        {
            body.Remove("incidentId");
            body["caseId"] = scene.Case;
        }

        var response = await app.ClientFor(Investigator).PostAsJsonAsync($"/api/v1/{path}", body);

        await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await RecordsAboutAsync(scene));
        // The same request from the force that holds the incident or case is fine: the refusal was about the force.
        await (await app.ClientFor("sv.investigator").PostAsJsonAsync($"/api/v1/{path}", body)).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("screenings")]
    [InlineData("risk-assessments")]
    [InlineData("considerations")]
    [InlineData("evidence")]
    [InlineData("contact-agreements")]
    [InlineData("victim-contacts")]
    [InlineData("advice")]
    [InlineData("referrals")]
    [InlineData("sightings")]
    [InlineData("orders")]
    [InlineData("breaches")]
    public async Task OtherForcesRecord_OpensOnlyWithAPurpose_LikeAnIncident(string path)
    {
        var sv = app.ClientFor("sv.investigator");
        var scene = await SceneAsync(sv, withOrder: true);
        var created = await (await sv.PostAsJsonAsync($"/api/v1/{path}", ValidBody(path, scene))).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var url = $"/api/v1/{path}/{id}";
        var cp = app.ClientFor(Investigator);
        const string Purpose = "Checking bail conditions before arresting him in Carmarthen";

        var refused = await cp.GetJsonAsync(url, HttpStatusCode.Forbidden);
        var incidentRefused = await cp.GetJsonAsync($"/api/v1/incidents/{scene.Incident}", HttpStatusCode.Forbidden);
        var tooShort = await cp.SendAsync(Api.WithPurpose(HttpMethod.Get, url, "because"));

        Assert.True(refused.GetProperty("purposeRequired").GetBoolean());
        Assert.Equal(incidentRefused.GetProperty("purposeRequired").GetBoolean(), refused.GetProperty("purposeRequired").GetBoolean());
        Assert.Equal(incidentRefused.GetProperty("title").GetString(), refused.GetProperty("title").GetString());
        Assert.Contains("purpose", await tooShort.ExpectInvalidAsync());
        Assert.DoesNotContain(await app.AuditEventsForAsync(AuditEntityOf[path], id), a => a.UserId == "demo-" + Investigator);

        await (await cp.SendAsync(Api.WithPurpose(HttpMethod.Get, url, Purpose))).ExpectAsync(HttpStatusCode.OK);
        // The purpose recorded covers further reads of the same record for a while, as for incidents.
        await cp.GetJsonAsync(url);

        var audit = (await app.AuditEventsForAsync(AuditEntityOf[path], id)).Where(a => a.UserId == "demo-" + Investigator).ToList();
        Assert.Equal([AuditActions.ReadWithPurpose, AuditActions.Read], audit.Select(a => a.Action));
        Assert.Equal(Purpose, audit[0].Purpose);
        Assert.Equal("CP", audit[0].ForceCode);
    }

    // ---- Orders over their life ----------------------------------------------------------------------------------

    [Fact]
    public async Task OrderChange_Recorded_OldConditionsEnded_StaleVersion409_OtherForce403()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client);
        var (id, _, recorded) = await CreateAndReadAsync(Investigator, "orders", new
        {
            orderType = "PreChargeBail",
            subjectId = scene.Suspect,
            protectedIds = new[] { scene.Victim },
            status = "Granted",
            starts = AppFactory.Start.AddDays(-1),
            conditions = new object[]
            {
                new { type = "NoContact", indirect = true },
                new { type = "ResideAt", address = "22 King Street, Llandeilo", lat = 51.884, lon = -3.993 },
            },
        });
        var version = recorded.GetProperty("version").GetString();
        app.AdvanceTime(TimeSpan.FromHours(1));
        var changedAt = app.Clock.GetUtcNow();
        var newEnd = AppFactory.Start.AddDays(28);

        var noVersion = await client.PostAsJsonAsync($"/api/v1/orders/{id}/changes", new { status = "Served" });
        var nothing = await client.PostAsJsonAsync($"/api/v1/orders/{id}/changes", new { version });
        var endsBeforeStart = await client.PostAsJsonAsync($"/api/v1/orders/{id}/changes", new { version, ends = AppFactory.Start.AddDays(-2) });
        var otherForce = await app.ClientFor("sv.investigator").PostAsJsonAsync($"/api/v1/orders/{id}/changes", new { version, status = "Ended" });
        var analyst = await app.ClientFor("cp.analyst").PostAsJsonAsync($"/api/v1/orders/{id}/changes", new { version, status = "Ended" });
        var changed = await (await client.PostAsJsonAsync($"/api/v1/orders/{id}/changes", new
        {
            version,
            orderType = "ReleasedUnderInvestigation",
            ends = newEnd,
            conditions = new object[] { new { type = "ExclusionZone", lat = 51.857, lon = -4.312, radiusMetres = 250.0 } },
        })).ExpectAsync(HttpStatusCode.OK);
        var stale = await client.PostAsJsonAsync($"/api/v1/orders/{id}/changes", new { version, status = "Ended" });

        Assert.Contains("version", await noVersion.ExpectInvalidAsync());
        Assert.Contains("status", await nothing.ExpectInvalidAsync());
        Assert.Contains("ends", await endsBeforeStart.ExpectInvalidAsync());
        await otherForce.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(id, changed.GetProperty("id").GetInt64());
        await stale.ExpectAsync(HttpStatusCode.Conflict);

        var order = await client.GetJsonAsync($"/api/v1/orders/{id}");
        Assert.NotEqual(version, order.GetProperty("version").GetString());
        Assert.Equal("ReleasedUnderInvestigation", order.GetProperty("orderType").GetString());
        Assert.Equal("Granted", order.GetProperty("status").GetString());
        Assert.Equal(newEnd, order.GetProperty("ends").GetDateTimeOffset());
        var changes = order.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal(changedAt, changes[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal("ReleasedUnderInvestigation", changes[1].GetProperty("orderType").GetString());
        Assert.Equal(JsonValueKind.Null, changes[1].GetProperty("status").ValueKind);
        Assert.Equal(newEnd, changes[1].GetProperty("ends").GetDateTimeOffset());
        Assert.True(changes[1].GetProperty("conditionsReplaced").GetBoolean());
        var conditions = order.GetProperty("conditions").EnumerateArray().ToList();
        var replaced = conditions.Where(c => c.GetProperty("removedAt").ValueKind != JsonValueKind.Null).ToList();
        Assert.Equal(["NoContact", "ResideAt"], replaced.Select(c => c.GetProperty("type").GetString()));
        Assert.All(replaced, c => Assert.Equal(changedAt, c.GetProperty("removedAt").GetDateTimeOffset()));
        Assert.Equal("22 King Street, Llandeilo", replaced[1].GetProperty("address").GetString());
        var current = Assert.Single(conditions, c => c.GetProperty("removedAt").ValueKind == JsonValueKind.Null);
        Assert.Equal("ExclusionZone", current.GetProperty("type").GetString());
        Assert.Equal(250.0, current.GetProperty("radiusMetres").GetDouble());
        Assert.Equal(changedAt, current.GetProperty("addedAt").GetDateTimeOffset());
        Assert.Equal([AuditActions.Create, AuditActions.Read, AuditActions.Update, AuditActions.Read],
            (await app.AuditEventsForAsync(AuditEntities.Order, id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Breach_ConditionIndexCountsCurrentConditionsOnly_OutOfRange400_NothingWritten()
    {
        var client = app.ClientFor(Investigator);
        var scene = await SceneAsync(client);
        var created = await (await client.PostAsJsonAsync("/api/v1/orders", new
        {
            orderType = "DVPO",
            subjectId = scene.Suspect,
            protectedIds = new[] { scene.Victim },
            status = "Granted",
            conditions = new object[] { new { type = "NoContact" }, new { type = "NotToAttend", address = "Her home, Johnstown" } },
        })).ExpectAsync(HttpStatusCode.Created);
        var orderId = created.GetProperty("id").GetInt64();
        var version = (await client.GetJsonAsync($"/api/v1/orders/{orderId}")).GetProperty("version").GetString();
        await (await client.PostAsJsonAsync($"/api/v1/orders/{orderId}/changes", new
        {
            version,
            conditions = new object[] { new { type = "Other", text = "Not to contact her through their children." } },
        })).ExpectAsync(HttpStatusCode.OK);
        var before = await RecordsAboutAsync(scene);

        // Two conditions were given at first, but one stands now: index 1 is no longer a condition of the order.
        var secondGone = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/breaches", new { orderId, condition = 1, description = "Went to her house." }));
        var negative = await client.PostAsJsonAsync("/api/v1/breaches", new { orderId, condition = -1 });
        var future = await client.PostAsJsonAsync("/api/v1/breaches", new { orderId, condition = 0, occurredAt = app.Clock.GetUtcNow().AddHours(1) });
        var noOrder = await client.PostAsJsonAsync("/api/v1/breaches", new { condition = 0 });

        Assert.Contains("1 condition", Assert.Single(secondGone["condition"]));
        Assert.Contains("condition", await negative.ExpectInvalidAsync());
        Assert.Contains("occurredAt", await future.ExpectInvalidAsync());
        Assert.Contains("orderId", await noOrder.ExpectInvalidAsync());
        Assert.Equal(before, await RecordsAboutAsync(scene));

        var breachId = (await (await client.PostAsJsonAsync("/api/v1/breaches", new { orderId, condition = 0, description = "Asked their son to pass on a letter." }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var order = await client.GetJsonAsync($"/api/v1/orders/{orderId}");
        var standing = Assert.Single(order.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("removedAt").ValueKind == JsonValueKind.Null);
        var breach = await client.GetJsonAsync($"/api/v1/breaches/{breachId}");
        Assert.Equal(standing.GetProperty("id").GetInt64(), breach.GetProperty("conditionId").GetInt64());
        Assert.Equal(app.Clock.GetUtcNow(), breach.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, breach.GetProperty("action").ValueKind);
    }

    // ---- Rules -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FourYesScreening_OnOneOfTwoIncidentsOfAPair_RaisesConsiderStalking(bool onCase)
    {
        var client = app.ClientFor(Investigator);
        var victim = await PersonAsync(client, "Prydderch");
        var suspect = await PersonAsync(client, "Mathias");
        var first = await client.RecordIncidentAsync(DamageIncident(victim, suspect));
        var second = await client.RecordIncidentAsync(DamageIncident(victim, suspect));
        long? caseId = onCase ? (await client.OpenCaseAsync([first, second], victim, suspect)).Id : null;
        object Screening(bool repeated) => onCase
            ? (object)new { caseId, fixated = true, obsessive = true, unwanted = true, repeated }
            : new { incidentId = first, fixated = true, obsessive = true, unwanted = true, repeated };

        // Criminal damage between neighbours with no stalking behaviour: nothing yet says stalking.
        Assert.Empty(await app.AlertsForIncidentAsync(ConsiderStalkingRule.RuleId, second));
        await (await client.PostAsJsonAsync("/api/v1/screenings", Screening(repeated: false))).ExpectAsync(HttpStatusCode.Created);
        Assert.Empty(await app.AlertsForIncidentAsync(ConsiderStalkingRule.RuleId, second));

        await (await client.PostAsJsonAsync("/api/v1/screenings", Screening(repeated: true))).ExpectAsync(HttpStatusCode.Created);

        var alert = Assert.Single(await app.AlertsForIncidentAsync(ConsiderStalkingRule.RuleId, second));
        Assert.Equal("Alert.ConsiderStalking.FourYes", alert.MessageKey);
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Equal("CP", alert.Force!.Code);
        Assert.Equal([first, second], alert.Evidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).Order());
        Assert.Equal(["CriminalDamage"], AlertText.CodesOf(alert.MessageArguments[3]));
        Assert.Empty(AlertText.CodesOf(alert.MessageArguments[4]));
    }

    [Fact]
    public async Task Rules_ListedWithTheirDefaults()
    {
        // A force no test here changes, so what shows is the defaults.
        var rules = await app.ClientFor("mp.analyst").GetJsonAsync("/api/v1/rules");

        var threshold = Threshold(rules, CourseOfConductRule.RuleId, CourseOfConductRule.MinimumIncidents.Name);
        Assert.Equal(CourseOfConductRule.MinimumIncidents.Default, threshold.GetProperty("default").GetInt32());
        Assert.Equal(CourseOfConductRule.MinimumIncidents.Minimum, threshold.GetProperty("minimum").GetInt32());
        Assert.Equal(CourseOfConductRule.MinimumIncidents.Maximum, threshold.GetProperty("maximum").GetInt32());
        Assert.Equal(CourseOfConductRule.MinimumIncidents.Default, threshold.GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.Null, threshold.GetProperty("changedAt").ValueKind);
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == ConsiderStalkingRule.RuleId && r.GetProperty("defaultSeverity").GetString() == "high");
    }

    [Fact]
    public async Task RuleThreshold_OutOfRangeOrUnexplained400_Investigator403_Unknown404_NothingChanges()
    {
        var spoc = app.ClientFor("cp.stalkingspoc");
        const string Rule = CourseOfConductRule.RuleId;
        const string Name = "minimumIncidents";
        const string Reason = "Force policy agreed at the stalking steering group.";
        var audited = await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == AuditEntities.RuleSetting));

        var tooLow = await ErrorsAsync(await SetThresholdAsync(spoc, Rule, Name, 1, Reason));
        var tooHigh = await SetThresholdAsync(spoc, Rule, Name, 21, Reason);
        var missing = await SetThresholdAsync(spoc, Rule, Name, null, Reason);
        var shortReason = await SetThresholdAsync(spoc, Rule, Name, 3, "Too many");
        var investigator = await SetThresholdAsync(app.ClientFor(Investigator), Rule, Name, 3, Reason);
        var analyst = await SetThresholdAsync(app.ClientFor("cp.analyst"), Rule, Name, 3, Reason);
        var unknownRule = await SetThresholdAsync(spoc, "no-such-rule", Name, 3, Reason);
        var unknownName = await SetThresholdAsync(spoc, Rule, "maximumIncidents", 3, Reason);

        Assert.Contains("2 to 20", Assert.Single(tooLow["value"]));
        Assert.Contains("value", await tooHigh.ExpectInvalidAsync());
        Assert.Contains("value", await missing.ExpectInvalidAsync());
        Assert.Contains("reason", await shortReason.ExpectInvalidAsync());
        Assert.Equal(HttpStatusCode.Forbidden, investigator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRule.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownName.StatusCode);
        Assert.Equal(2, Threshold(await spoc.GetJsonAsync("/api/v1/rules"), Rule, Name).GetProperty("value").GetInt32());
        Assert.Equal(audited, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == AuditEntities.RuleSetting)));
    }

    [Fact]
    public async Task CourseOfConductAtThreeInOneForce_Audited_TwoIncidentsThereRaiseNothing_WhileAnotherForceKeepsTwo()
    {
        var spoc = app.ClientFor("cp.stalkingspoc");
        const string Rule = CourseOfConductRule.RuleId;
        const string Name = "minimumIncidents";
        const string Reason = "Two reports here are usually one neighbour dispute; agreed at the steering group.";
        try
        {
            var listed = await (await SetThresholdAsync(spoc, Rule, Name, 3, "  " + Reason + " ")).ExpectAsync(HttpStatusCode.OK);

            var mine = Threshold(listed, Rule, Name);
            Assert.Equal(3, mine.GetProperty("value").GetInt32());
            Assert.Equal(2, mine.GetProperty("default").GetInt32());
            Assert.Equal(Reason, mine.GetProperty("reason").GetString());
            Assert.Equal(app.Clock.GetUtcNow(), mine.GetProperty("changedAt").GetDateTimeOffset());
            Assert.Equal(2, Threshold(await app.ClientFor("sv.analyst").GetJsonAsync("/api/v1/rules"), Rule, Name).GetProperty("value").GetInt32());
            var cpForce = await ForceIdAsync("CP");
            var settingId = await WithDbAsync(db => db.RuleSettings.Where(s => s.ForceId == cpForce && s.RuleId == Rule && s.Name == Name).Select(s => s.Id).SingleAsync());
            var audit = Assert.Single(await app.AuditEventsForAsync(AuditEntities.RuleSetting, settingId));
            Assert.Equal(AuditActions.Update, audit.Action);
            Assert.Equal("demo-cp.stalkingspoc", audit.UserId);
            Assert.Contains($"{Rule}.{Name}: 2 -> 3", audit.Detail);
            Assert.Contains(Reason, audit.Detail);

            var cp = app.ClientFor(Investigator);
            var cpVictim = await PersonAsync(cp, "Griffiths");
            var cpSuspect = await PersonAsync(cp, "Powell");
            await cp.RecordIncidentAsync(Api.Incident(cpVictim, cpSuspect, "NonCrimeOther"));
            var cpSecond = await cp.RecordIncidentAsync(Api.Incident(cpVictim, cpSuspect, "NonCrimeOther"));
            var sv = app.ClientFor("sv.investigator");
            var svVictim = await PersonAsync(sv, "Rowlands");
            var svSuspect = await PersonAsync(sv, "Jenkins");
            await sv.RecordIncidentAsync(Api.Incident(svVictim, svSuspect, "NonCrimeOther"));
            var svSecond = await sv.RecordIncidentAsync(Api.Incident(svVictim, svSuspect, "NonCrimeOther"));

            Assert.Empty(await app.AlertsForIncidentAsync(Rule, cpSecond));
            Assert.Equal("SV", Assert.Single(await app.AlertsForIncidentAsync(Rule, svSecond)).Force!.Code);

            // The rule still works in CP: at the third incident.
            var cpThird = await cp.RecordIncidentAsync(Api.Incident(cpVictim, cpSuspect, "NonCrimeOther"));
            var alert = Assert.Single(await app.AlertsForIncidentAsync(Rule, cpThird));
            Assert.Equal("3", alert.MessageArguments[0]);
        }
        finally
        {
            // The fixture is shared by this class's tests: put the default back.
            await (await SetThresholdAsync(app.ClientFor("cp.administrator"), Rule, Name, 2, "Back to the default after testing a local value."))
                .ExpectAsync(HttpStatusCode.OK);
        }
    }
}
