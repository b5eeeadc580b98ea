using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>
/// The order register, an order's page with its exclusion-zone drawing and the victim's copy of its conditions, and
/// SPO timeliness: axe-core finds nothing on any of them, in English and in Welsh.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderPagesTests(BrowserFixture fixture)
{
    private const string Investigator = "cp.investigator";

    private static int _people;

    [Fact]
    public Task Register() => CheckAsync(async page =>
    {
        await page.GotoAsync("/Orders");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Order register");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Order register" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Register_Welsh_Expiring() => CheckAsync(async page =>
    {
        await page.GotoAsync("/Orders?View=Expiring");
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cofrestr gorchmynion");
    });

    [Fact]
    public Task Order_WithZoneDrawing() => CheckAsync(async page =>
    {
        var id = await CreateZonedOrderAsync(page);
        await page.GotoAsync($"/Orders/Details?id={id}");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Exclusion zones of order ORD\\d{6}$") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Places on the drawing and their distance from the nearest zone edge" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record that the conditions were given" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Order_WithZoneDrawing_Welsh_AfterRecordingInformation() => CheckAsync(async page =>
    {
        var id = await CreateZonedOrderAsync(page);
        await page.GotoAsync($"/Orders/Details?id={id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record that the conditions were given" }).ClickAsync();
        await Expect(page.GetByText(new Regex("^Recorded that the conditions of ORD\\d{6} were given"))).ToBeVisibleAsync();
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Parthau gwahardd gorchymyn ORD\\d{6}$") })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Order_RecordCompliance_ErrorsNamed_ThenMet() => CheckAsync(async page =>
    {
        var id = await CreateZonedOrderAsync(page);
        await page.GotoAsync($"/Orders/Details?id={id}");
        var requirements = page.GetByRole(AriaRole.Table, new() { Name = "Requirements the subject must meet" });
        await Expect(requirements).ToContainTextAsync("Due");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record compliance" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Choose the requirement" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Which requirement?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Was it met?" }).GetByRole(AriaRole.Radio, new() { Name = "Met", Exact = true }).CheckAsync();
        await page.GetByLabel("Note").FillAsync("Notified his address in person at the front counter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record compliance" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Requirements the subject must meet" })).ToContainTextAsync("Notified his address in person");
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Gofynion y mae’n rhaid i’r gwrthrych eu bodloni" })).ToContainTextAsync("Wedi’i fodloni");
    });

    [Fact]
    public Task Timeliness() => CheckAsync(async page =>
    {
        await CreateZonedOrderAsync(page);
        await page.GotoAsync("/Orders/Timeliness");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stalking protection order timeliness");
    });

    [Fact]
    public Task Timeliness_Welsh() => CheckAsync(async page =>
    {
        await page.GotoAsync("/Orders/Timeliness");
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Amseroldeb gorchmynion diogelu rhag stelcian");
    });

    /// <summary>An SPO with a circular and a polygonal zone, a protected home inside one, a breach and a sighting nearby.</summary>
    private static async Task<long> CreateZonedOrderAsync(IPage page)
    {
        const double lat = 51.6214, lon = -3.9436;
        var n = Interlocked.Increment(ref _people);
        var victim = await PostAsync(page, "/api/v1/person-records", new
        {
            givenName = "Heulwen",
            familyName = $"Zonetest{(char)('a' + n)}{Guid.NewGuid():N}"[..20],
            dateOfBirth = "1988-04-0" + (1 + (n % 9)),
            sex = "F",
            addresses = new[] { new { text = "9 Ffordd y Môr, Abertawe", postcode = "sa11aa", kind = "Home", lat = lat + 0.001, lon } },
        });
        var subject = await PostAsync(page, "/api/v1/person-records", new
        {
            givenName = "Idris",
            familyName = $"Ordertest{(char)('a' + n)}{Guid.NewGuid():N}"[..20],
            dateOfBirth = "1979-09-1" + (n % 9),
            sex = "M",
        });
        var order = await PostAsync(page, "/api/v1/orders", new
        {
            orderType = "SPO",
            subjectId = subject,
            protectedIds = new[] { victim },
            status = "Served",
            starts = TimeProvider.System.GetUtcNow().AddDays(-2),
            ends = TimeProvider.System.GetUtcNow().AddYears(2),
            conditions = new object[]
            {
                new { type = "NoContact", indirect = true },
                new { type = "ExclusionZone", lat, lon, radiusMetres = 500.0 },
                new { type = "ExclusionZone", polygon = new[] { new[] { lat - 0.004, lon + 0.006 }, new[] { lat - 0.004, lon + 0.012 }, new[] { lat - 0.009, lon + 0.009 } } },
                new { type = "Notify" },
            },
        });
        await PostAsync(page, "/api/v1/breaches", new
        {
            orderId = order,
            condition = 1,
            occurredAt = TimeProvider.System.GetUtcNow().AddHours(-3),
            description = "Waited at the bus stop by her house.",
            location = new { text = "Bus stop, Ffordd y Môr", lat = lat + 0.002, lon = lon + 0.001 },
            action = "Arrest",
            rationale = "Within the zone.",
        });
        await PostAsync(page, "/api/v1/sightings", new { personId = subject, kind = "Seen", location = new { text = "Car park", lat = lat - 0.006, lon = lon - 0.004 } });
        return order;
    }

    private static async Task<long> PostAsync(IPage page, string url, object body)
    {
        var response = await page.APIRequest.PostAsync(url, new() { DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Status == 201, $"{url}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    private async Task CheckAsync(Func<IPage, Task> arrive)
    {
        await using var context = await fixture.NewContextAsync(Investigator);
        var page = await context.NewPageAsync();
        await arrive(page);
        await Axe.AssertNoViolationsAsync(page);
    }

    private static Task SwitchToWelshAsync(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
}
