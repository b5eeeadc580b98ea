using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Features.Audit;

namespace Vigil.IntegrationTests;

/// <summary>
/// The order register and its exports, the order page (another force's needs a purpose), the victim's copy of an
/// order's conditions and the record that it was given, and SPO timeliness — through the API and the pages.
/// </summary>
public sealed partial class OrderRegisterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Investigator = "cp.investigator";

    private static readonly string[] GivenNames = ["Alun", "Beca", "Cai", "Delyth", "Emyr", "Fflur", "Glyn", "Hywel", "Ioan", "Lowri", "Meinir", "Nia"];

    private static int _people;

    /// <summary>A person like no other test's person (the resolver links look-alikes), with a home that has coordinates.</summary>
    private static async Task<long> PersonAsync(HttpClient client, string stem, double? lat = null, double? lon = null)
    {
        var n = Interlocked.Increment(ref _people);
        var born = new DateOnly(1941, 2, 5).AddDays(n * 131 % 28_000);
        var response = await client.PostAsJsonAsync("/api/v1/person-records", new
        {
            givenName = GivenNames[n % GivenNames.Length],
            familyName = Api.UniqueName(stem),
            dateOfBirth = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex = "U",
            addresses = new[] { new { text = $"{n} Heol y Prawf, Llandeilo", postcode = "sa196aa", kind = "Home", lat, lon } },
        });
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private async Task<long> OrderAsync(HttpClient client, long subject, long victim, string type, string status, TimeSpan? endsIn = null, object[]? conditions = null)
    {
        var now = app.Clock.GetUtcNow();
        var response = await client.PostAsJsonAsync("/api/v1/orders", new
        {
            orderType = type,
            subjectId = subject,
            protectedIds = new[] { victim },
            status,
            starts = now.AddDays(-60),
            ends = endsIn is { } e ? now + e : (DateTimeOffset?)null,
            conditions = conditions ?? [new { type = "NoContact", indirect = true }],
        });
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private static async Task<HashSet<long>> RegisterIdsAsync(HttpClient client, string query)
    {
        var page = await client.GetJsonAsync("/api/v1/orders?pageSize=100&" + query);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
    }

    [Fact]
    public async Task Register_Views_SelectByStatusEndAndRecentBreach_OwnForceOnly()
    {
        var client = app.ClientFor(Investigator);
        var victim = await PersonAsync(client, "Victim");
        var subject = await PersonAsync(client, "Subject");
        var active = await OrderAsync(client, subject, victim, "SPO", "Served", TimeSpan.FromDays(700));
        var pending = await OrderAsync(client, subject, victim, "SPO", "Applied");
        var orderEnding = await OrderAsync(client, subject, victim, "DVPO", "Granted", TimeSpan.FromDays(10));
        var bailEndingLater = await OrderAsync(client, subject, victim, "PreChargeBail", "Granted", TimeSpan.FromDays(10));
        var bailEnding = await OrderAsync(client, subject, victim, "PreChargeBail", "Granted", TimeSpan.FromDays(5));
        var ended = await OrderAsync(client, subject, victim, "RestrainingOrder", "Ended", TimeSpan.FromHours(-12));
        var breached = await OrderAsync(client, subject, victim, "NonMolestation", "Served", TimeSpan.FromDays(300));
        await (await client.PostAsJsonAsync("/api/v1/breaches", new { orderId = breached, condition = 0, occurredAt = app.Clock.GetUtcNow().AddDays(-3), description = "Messaged her." }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/breaches", new { orderId = active, condition = 0, occurredAt = app.Clock.GetUtcNow().AddDays(-45), description = "Old breach." }))
            .ExpectAsync(HttpStatusCode.Created);
        var otherForce = app.ClientFor("sv.investigator");
        var elsewhere = await OrderAsync(otherForce, subject, victim, "SPO", "Served", TimeSpan.FromDays(700));

        var activeIds = await RegisterIdsAsync(client, "view=Active");
        var pendingIds = await RegisterIdsAsync(client, "view=pending");
        var expiringIds = await RegisterIdsAsync(client, "view=Expiring");
        var breachedIds = await RegisterIdsAsync(client, "view=Breached");
        var spoIds = await RegisterIdsAsync(client, "type=SPO");
        var allIds = await RegisterIdsAsync(client, "");

        Assert.Contains(active, activeIds);
        Assert.DoesNotContain(ended, activeIds);
        Assert.DoesNotContain(pending, activeIds);
        Assert.Contains(pending, pendingIds);
        Assert.DoesNotContain(active, pendingIds);
        Assert.Contains(orderEnding, expiringIds);
        Assert.Contains(bailEnding, expiringIds);
        Assert.DoesNotContain(bailEndingLater, expiringIds);
        Assert.DoesNotContain(active, expiringIds);
        Assert.Contains(breached, breachedIds);
        Assert.DoesNotContain(active, breachedIds);
        Assert.Contains(active, spoIds);
        Assert.DoesNotContain(orderEnding, spoIds);
        Assert.DoesNotContain(elsewhere, allIds);
        Assert.Contains(elsewhere, await RegisterIdsAsync(otherForce, "view=Active"));

        var row = (await client.GetJsonAsync("/api/v1/orders?view=Breached&pageSize=100")).GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetInt64() == breached);
        Assert.Equal(1, row.GetProperty("breaches").GetInt32());
        Assert.Equal(app.DisplayNameOf(Investigator), row.GetProperty("officerName").GetString());
        Assert.NotEmpty(await app.AuditEventsOfAsync(AuditActions.Search, AuditEntities.Order));
    }

    [Fact]
    public async Task Register_BadView_NamesTheField()
    {
        var fields = await (await app.ClientFor(Investigator).GetAsync("/api/v1/orders?view=Soon")).ExpectInvalidAsync();

        Assert.Equal(["view"], fields);
    }

    [Fact]
    public async Task Export_CsvAndXlsx_FilesOfTheFilteredRegister_Audited()
    {
        var client = app.ClientFor("cp.analyst");
        var investigator = app.ClientFor(Investigator);
        var subject = await PersonAsync(investigator, "Subject");
        var order = await OrderAsync(investigator, subject, await PersonAsync(investigator, "Victim"), "DAPO", "Granted", TimeSpan.FromDays(200));

        var csv = await client.GetAsync("/Orders/Export?format=csv&View=Active&Type=DAPO");
        var xlsx = await client.GetAsync("/Orders/Export?format=xlsx&View=Active&Type=DAPO");

        await csv.ExpectOkAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Order,Type,Status,Subject", text, StringComparison.Ordinal);
        Assert.Contains($"ORD{order:D6},Domestic abuse protection order,granted", text, StringComparison.Ordinal);

        await xlsx.ExpectOkAsync();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Contains($"ORD{order:D6}", await sheet.ReadToEndAsync(), StringComparison.Ordinal);

        var exports = await app.AuditEventsOfAsync(AuditActions.Export, AuditEntities.Order);
        Assert.Contains(exports, e => e.Detail!.Contains("format=csv", StringComparison.Ordinal) && e.Detail.Contains("type=DAPO", StringComparison.Ordinal) && e.UserName == "cp.analyst");
        Assert.Contains(exports, e => e.Detail!.Contains("format=xlsx", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Orders/Export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task OrderPage_AnotherForcesOrder_NeedsAPurpose_ThenShowsIt()
    {
        var holder = app.ClientFor(Investigator);
        var victim = await PersonAsync(holder, "Victim", 51.8800, -3.9900);
        var order = await OrderAsync(holder, await PersonAsync(holder, "Subject"), victim, "SPO", "Served", TimeSpan.FromDays(700),
            [new { type = "ExclusionZone", lat = 51.8800, lon = -3.9900, radiusMetres = 400.0 }]);
        var reader = app.ClientFor("sv.investigator");

        var refused = await reader.GetAsync($"/api/v1/orders/{order}/victim-information");
        var page = await (await reader.GetAsync($"/Orders/Details?id={order}")).Content.ReadAsStringAsync();
        var allowed = await reader.SendAsync(Api.WithPurpose(HttpMethod.Get, $"/api/v1/orders/{order}/victim-information?lang=cy", "Breach reported to us near the victim's home."));

        var problem = await refused.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.True(problem.GetProperty("purposeRequired").GetBoolean());
        Assert.Contains("This record belongs to CP", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"ORD{order:D6}", page, StringComparison.Ordinal);
        var information = await allowed.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cy", information.GetProperty("language").GetString());
        Assert.Contains("400 metr", information.GetProperty("conditions")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains((await app.AuditEventsForAsync(AuditEntities.Order, order)).Select(a => a.Action), a => a == AuditActions.ReadWithPurpose);
    }

    [Fact]
    public async Task OrderPage_OwnForce_ShowsZoneDrawingWithDistances()
    {
        var client = app.ClientFor(Investigator);
        var victim = await PersonAsync(client, "Victim", 51.8800, -3.9900);
        var subject = await PersonAsync(client, "Subject");
        var order = await OrderAsync(client, subject, victim, "SPO", "Served", TimeSpan.FromDays(700),
            [new { type = "ExclusionZone", lat = 51.8800, lon = -3.9900, radiusMetres = 400.0 }]);
        await (await client.PostAsJsonAsync("/api/v1/breaches", new
        {
            orderId = order,
            condition = 0,
            occurredAt = app.Clock.GetUtcNow().AddHours(-2),
            description = "Seen at the end of her road.",
            location = new { text = "End of her road", lat = 51.8827, lon = -3.9900 },
        })).ExpectAsync(HttpStatusCode.Created);

        var html = await (await client.GetAsync($"/Orders/Details?id={order}")).ExpectHtmlAsync();

        Assert.Contains("<svg class=\"vigil-map__drawing\"", html, StringComparison.Ordinal);
        Assert.Contains("Exclusion zones of order ORD", html, StringComparison.Ordinal);
        Assert.Contains("400 m inside zone 1", html, StringComparison.Ordinal);
        // 0.0027 degrees north is about 300 m: 300 m from the centre, 100 m inside the 400 m zone.
        Assert.Matches(new Regex(@"(99|100|101) m inside zone 1"), html);
        Assert.Contains("must not go within 400 metres of the home address", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VictimInformation_RecordedAsGiven_WritesAVictimContactThatShowsInSafeguarding()
    {
        var client = app.ClientFor(Investigator);
        var victim = await PersonAsync(client, "Victim", 51.8800, -3.9900);
        var order = await OrderAsync(client, await PersonAsync(client, "Subject"), victim, "SPO", "Granted", TimeSpan.FromDays(700));
        var analystPage = await (await app.ClientFor("cp.analyst").GetAsync($"/Orders/Details?id={order}")).ExpectHtmlAsync();
        var page = await (await client.GetAsync($"/Orders/Details?id={order}")).ExpectHtmlAsync();
        var token = AntiforgeryToken().Match(page).Groups[1].Value;

        var posted = await client.PostAsync($"/Orders/Details?id={order}&handler=Informed",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.DoesNotContain("Record that the conditions were given", analystPage, StringComparison.Ordinal);
        Assert.Contains("What order ORD", analystPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("informed=true", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        var person = await (await client.GetAsync($"/People/Details/{victim}")).ExpectHtmlAsync();
        Assert.Contains($"Told the conditions of ORD{order:D6}", person, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Orders/Details?id={order}\"", person, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VictimInformation_AnotherForce_CannotRecordItWasGiven()
    {
        var holder = app.ClientFor(Investigator);
        var order = await OrderAsync(holder, await PersonAsync(holder, "Subject"), await PersonAsync(holder, "Victim"), "SPO", "Granted", TimeSpan.FromDays(700));
        var other = app.ClientFor("sv.investigator");
        await other.SendAsync(Api.WithPurpose(HttpMethod.Get, $"/api/v1/orders/{order}", "Checking the conditions before a visit."));
        var page = await (await other.GetAsync($"/Orders/Details?id={order}")).ExpectHtmlAsync();

        Assert.Contains("What order ORD", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Record that the conditions were given", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeliness_DaysFromFirstReportToEachStep_PerOrderAndForce()
    {
        var client = app.ClientFor(Investigator);
        var victim = await PersonAsync(client, "Victim");
        var subject = await PersonAsync(client, "Subject");
        var start = app.Clock.GetUtcNow();
        var incident = await client.RecordIncidentAsync(Api.Incident(victim, subject));
        app.AdvanceTime(TimeSpan.FromDays(4));
        await (await client.PostAsJsonAsync("/api/v1/considerations", new { incidentId = incident, what = "SPO", decision = "Progressed", rationale = "Fixated and repeated." }))
            .ExpectAsync(HttpStatusCode.Created);
        app.AdvanceTime(TimeSpan.FromDays(10));
        var interim = await OrderAsync(client, subject, victim, "InterimSPO", "Applied");
        var full = await OrderAsync(client, subject, victim, "SPO", "Applied");
        app.AdvanceTime(TimeSpan.FromDays(2));
        await ChangeAsync(client, interim, "Granted");
        app.AdvanceTime(TimeSpan.FromDays(60));
        await ChangeAsync(client, full, "Granted");

        var report = await client.GetJsonAsync("/api/v1/orders/timeliness");

        var row = report.GetProperty("orders").EnumerateArray().Single(r => r.GetProperty("orderId").GetInt64() == full);
        Assert.Equal(start, row.GetProperty("firstReport").GetDateTimeOffset());
        Assert.Equal(4, row.GetProperty("daysToConsideration").GetInt32());
        Assert.Equal(14, row.GetProperty("daysToApplication").GetInt32());
        Assert.Equal(16, row.GetProperty("daysToInterim").GetInt32());
        Assert.Equal(76, row.GetProperty("daysToFull").GetInt32());
        var interimRow = report.GetProperty("orders").EnumerateArray().Single(r => r.GetProperty("orderId").GetInt64() == interim);
        Assert.Equal(76, interimRow.GetProperty("daysToFull").GetInt32());
        var steps = report.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.True(steps["Full"].GetProperty("count").GetInt32() >= 1);
        var html = await (await client.GetAsync("/Orders/Timeliness")).ExpectHtmlAsync();
        Assert.Contains($"ORD{full:D6}", html, StringComparison.Ordinal);
        var orderPage = await (await client.GetAsync($"/Orders/Details?id={full}")).ExpectHtmlAsync();
        Assert.Contains("76 days after the first report", orderPage, StringComparison.Ordinal);
    }

    private static async Task ChangeAsync(HttpClient client, long order, string status)
    {
        var version = (await client.GetJsonAsync($"/api/v1/orders/{order}")).GetProperty("version").GetString();
        await (await client.PostAsJsonAsync($"/api/v1/orders/{order}/changes", new { version, status })).ExpectAsync(HttpStatusCode.OK);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

internal static class HtmlResponses
{
    public static async Task ExpectOkAsync(this HttpResponseMessage response)
    {
        var body = response.Content.Headers.ContentType?.MediaType?.StartsWith("text/html", StringComparison.Ordinal) == true ? await response.Content.ReadAsStringAsync() : "";
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
    }

    public static async Task<string> ExpectHtmlAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return body;
    }
}
