using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// An order managed by another force and its positive requirements: the managing force reads the order and its
/// breaches as its own, lists it on its register and is alerted to breaches reported by a third force; compliance
/// with a requirement is recorded by the forces holding the order, with bad input refused and nothing written.
/// </summary>
public sealed class OrderManagementApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _people;

    private static async Task<long> PersonAsync(HttpClient client, string stem)
    {
        var n = Interlocked.Increment(ref _people);
        var born = new DateOnly(1960, 2, 3).AddDays(n * 173 % 15_000);
        return await client.CreatePersonAsync(n % 2 == 0 ? "Gethin" : "Mali", Api.UniqueName(stem), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private async Task<(HttpClient Client, long Order)> SpoAsync(string? managingForce, params object[] conditions)
    {
        var client = app.ClientFor("cp.investigator");
        var now = app.Clock.GetUtcNow();
        var response = await client.PostAsJsonAsync("/api/v1/orders", new
        {
            orderType = "SPO", subjectId = await PersonAsync(client, "Subject"), protectedIds = new[] { await PersonAsync(client, "Protected") },
            status = "Served", starts = now.AddDays(-1), ends = now.AddYears(2), managingForce,
            conditions = conditions.Length > 0 ? conditions : [new { type = "NoContact", indirect = true }],
        });
        return (client, (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64());
    }

    private async Task<List<Alert>> AlertsForOrderAsync(string rule, long order)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Alerts.AsNoTracking().Include(a => a.Force)
            .Where(a => a.RuleId == rule && a.Evidence.Any(e => e.Kind == AlertEvidenceKind.Order && e.EntityId == order)).ToListAsync();
    }

    [Fact]
    public async Task ManagingForce_ReadsOrderAndBreachesAsItsOwn_ListsItOnItsRegister_IsAlertedToBreachesElsewhere()
    {
        var (_, order) = await SpoAsync("SV");
        var managing = app.ClientFor("sv.investigator");

        var view = await managing.GetJsonAsync($"/api/v1/orders/{order}");
        Assert.NotEqual(view.GetProperty("forceId").GetInt64(), view.GetProperty("managingForceId").GetInt64());
        var register = await managing.GetJsonAsync("/api/v1/orders?view=All&pageSize=100");
        Assert.Contains(register.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetInt64() == order);
        // A third force must give a purpose, as for any other force's record.
        await app.ClientFor("mp.analyst").GetJsonAsync($"/api/v1/orders/{order}", HttpStatusCode.Forbidden);

        var breach = (await (await app.ClientFor("mp.investigator").PostAsJsonAsync("/api/v1/breaches", new
        {
            orderId = order, condition = 0, occurredAt = app.Clock.GetUtcNow().AddHours(-1), action = "Arrest",
        })).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        await managing.GetJsonAsync($"/api/v1/breaches/{breach}");
        var alerts = await AlertsForOrderAsync("breach-reported-elsewhere", order);
        Assert.Equal(["CP", "SV"], alerts.Select(a => a.Force!.Code).Order(StringComparer.Ordinal));
        Assert.Equal("OffenderManager", alerts.Single(a => a.Force!.Code == "SV").OwnerRole);
    }

    [Fact]
    public async Task ManagingForce_UnknownCode_Refused_NothingWritten()
    {
        var client = app.ClientFor("cp.investigator");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Orders.CountAsync();
        var fields = await (await client.PostAsJsonAsync("/api/v1/orders", new
        {
            orderType = "SPO", subjectId = await PersonAsync(client, "Subject"), status = "Applied", managingForce = "ZZ",
        })).ExpectInvalidAsync();
        Assert.Equal(["managingForce"], fields);
        Assert.Equal(before, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task Requirements_DueDatesAndCompliance_BadInputRefused_OtherForcesRefused()
    {
        var (client, order) = await SpoAsync("SV",
            new { type = "NoContact", indirect = true },
            new { type = "Notify" },
            new { type = "Programme", name = "Healthy relationships", due = app.Clock.GetUtcNow().AddDays(20) });
        var view = await client.GetJsonAsync($"/api/v1/orders/{order}");
        var requirements = view.GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(["Notify", "Programme"], requirements.Select(r => r.GetProperty("type").GetString()));
        Assert.All(requirements, r => Assert.Equal("Due", r.GetProperty("state").GetString()));
        var notify = requirements[0].GetProperty("conditionId").GetInt64();
        var noContact = view.GetProperty("conditions").EnumerateArray().First(c => c.GetProperty("type").GetString() == "NoContact").GetProperty("id").GetInt64();

        Assert.Equal(["note"], await (await client.PostAsJsonAsync($"/api/v1/orders/{order}/compliance", new { conditionId = notify, outcome = "NotMet" })).ExpectInvalidAsync());
        Assert.Equal(["conditionId"], await (await client.PostAsJsonAsync($"/api/v1/orders/{order}/compliance", new { conditionId = noContact, outcome = "Met" })).ExpectInvalidAsync());
        Assert.Equal(["outcome"], await (await client.PostAsJsonAsync($"/api/v1/orders/{order}/compliance", new { conditionId = notify, outcome = "Maybe" })).ExpectInvalidAsync());
        await (await app.ClientFor("mp.investigator").PostAsJsonAsync($"/api/v1/orders/{order}/compliance", new { conditionId = notify, outcome = "Met" })).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await app.AuditEventsOfAsync(AuditActions.Create, AuditEntities.RequirementCompliance),
            e => e.Detail!.StartsWith($"ORD{order:D6}", StringComparison.Ordinal));

        // The managing force records that the subject notified; the order shows it met.
        await (await app.ClientFor("sv.offendermanager").PostAsJsonAsync($"/api/v1/orders/{order}/compliance",
            new { conditionId = notify, outcome = "Met", note = "Attended Swansea Central in person with proof of address." })).ExpectAsync(HttpStatusCode.Created);
        var after = await client.GetJsonAsync($"/api/v1/orders/{order}");
        Assert.Equal("Met", after.GetProperty("requirements")[0].GetProperty("state").GetString());
        Assert.Single(after.GetProperty("requirements")[0].GetProperty("records").EnumerateArray());

        // Recorded as not met, the managing force is alerted at once.
        var programme = requirements[1].GetProperty("conditionId").GetInt64();
        await (await client.PostAsJsonAsync($"/api/v1/orders/{order}/compliance",
            new { conditionId = programme, outcome = "NotMet", note = "Did not attend the first two sessions." })).ExpectAsync(HttpStatusCode.Created);
        var alert = Assert.Single(await AlertsForOrderAsync("requirement-overdue", order));
        Assert.Equal("SV", alert.Force!.Code);
    }

    [Fact]
    public async Task Requirements_ADueDateOnAProhibition_Refused()
    {
        var client = app.ClientFor("cp.investigator");
        var fields = await (await client.PostAsJsonAsync("/api/v1/orders", new
        {
            orderType = "SPO", subjectId = await PersonAsync(client, "Subject"), status = "Applied",
            conditions = new object[] { new { type = "NoContact", due = app.Clock.GetUtcNow().AddDays(3) } },
        })).ExpectInvalidAsync();
        Assert.Equal(["conditions[0].due"], fields);
    }
}
