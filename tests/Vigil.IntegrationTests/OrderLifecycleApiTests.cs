using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// Orders through their life: a breach only of an order in force when it happened; the action on a breach decided
/// after it was reported (never "no action" without a reason); reviews of an order with the victim's views.
/// </summary>
public sealed class OrderLifecycleApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Investigator = "cp.investigator";
    private static int _people;

    private static async Task<long> PersonAsync(HttpClient client, string stem)
    {
        var n = Interlocked.Increment(ref _people);
        var born = new DateOnly(1950, 4, 9).AddDays(n * 131 % 20_000);
        return await client.CreatePersonAsync(n % 2 == 0 ? "Morgan" : "Rhian", Api.UniqueName(stem), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private async Task<(HttpClient Client, long Subject, long Victim, long Order)> OrderAsync(string status, DateTimeOffset? starts = null, DateTimeOffset? ends = null)
    {
        var client = app.ClientFor(Investigator);
        var subject = await PersonAsync(client, "Subject");
        var victim = await PersonAsync(client, "Protected");
        var response = await client.PostAsJsonAsync("/api/v1/orders", new
        {
            orderType = "PreChargeBail", subjectId = subject, protectedIds = new[] { victim }, status, starts, ends,
            conditions = new object[] { new { type = "NoContact", indirect = true } },
        });
        return (client, subject, victim, (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64());
    }

    private async Task<int> BreachCountAsync(long order)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Breaches.CountAsync(b => b.OrderId == order);
    }

    [Fact]
    public async Task Breach_OfAnOrderNotInForceWhenItHappened_Refused_NothingWritten()
    {
        var now = app.Clock.GetUtcNow();
        var (client, _, _, applied) = await OrderAsync("Applied");
        var (_, _, _, notStarted) = await OrderAsync("Granted", starts: now.AddDays(2), ends: now.AddDays(60));

        var fields = await (await client.PostAsJsonAsync("/api/v1/breaches", new { orderId = applied, occurredAt = now.AddHours(-1), action = "Arrest" })).ExpectInvalidAsync();
        var early = await (await client.PostAsJsonAsync("/api/v1/breaches", new { orderId = notStarted, occurredAt = now.AddHours(-1), action = "Arrest" })).ExpectInvalidAsync();

        Assert.Equal(["occurredAt"], fields);
        Assert.Equal(["occurredAt"], early);
        Assert.Equal(0, await BreachCountAsync(applied));
        Assert.Equal(0, await BreachCountAsync(notStarted));
    }

    [Fact]
    public async Task Breach_ActionDecidedLater_NoActionNeedsAReason_Audited()
    {
        var now = app.Clock.GetUtcNow();
        var (client, _, _, order) = await OrderAsync("Granted", starts: now.AddDays(-10), ends: now.AddDays(60));
        var created = await (await client.PostAsJsonAsync("/api/v1/breaches", new { orderId = order, condition = 0, occurredAt = now.AddHours(-2), action = "Undecided" }))
            .ExpectAsync(HttpStatusCode.Created);
        var breach = created.GetProperty("id").GetInt64();

        Assert.Equal(["rationale"], await (await client.PostAsJsonAsync($"/api/v1/breaches/{breach}/action", new { action = "None" })).ExpectInvalidAsync());
        Assert.Equal(["action"], await (await client.PostAsJsonAsync($"/api/v1/breaches/{breach}/action", new { action = "Undecided" })).ExpectInvalidAsync());
        await (await app.ClientFor("sv.investigator").PostAsJsonAsync($"/api/v1/breaches/{breach}/action", new { action = "Arrest" })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/v1/breaches/{breach}/action", new { action = "Arrest" })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Arrest", (await client.GetJsonAsync($"/api/v1/breaches/{breach}")).GetProperty("action").GetString());
        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.Breach, breach), e => e.Action == AuditActions.Update && e.Detail == "action Undecided -> Arrest");
    }

    [Fact]
    public async Task OrderReview_NeedsVictimViewsAndOutcome_AndOnlyTheOrdersForce()
    {
        var now = app.Clock.GetUtcNow();
        var (client, _, _, order) = await OrderAsync("Granted", starts: now.AddDays(-200), ends: now.AddDays(600));

        Assert.Equal(["outcome", "victimViews"], (await (await client.PostAsJsonAsync($"/api/v1/orders/{order}/reviews", new { })).ExpectInvalidAsync()).Order(StringComparer.Ordinal));
        await (await app.ClientFor("sv.investigator").PostAsJsonAsync($"/api/v1/orders/{order}/reviews", new { victimViews = "Fine.", outcome = "Keep." }))
            .ExpectAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/v1/orders/{order}/reviews", new { victimViews = "Still frightened at weekends.", outcome = "Keep the zone; add her new work address." }))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(await app.AuditEventsForAsync(AuditEntities.Order, order), e => e.Action == AuditActions.Review);
    }

    [Fact]
    public async Task LegalConstraints_WarnedOnTheOrder_NotRefused()
    {
        var now = app.Clock.GetUtcNow();
        var client = app.ClientFor(Investigator);
        var subject = await PersonAsync(client, "Subject");
        var victim = await PersonAsync(client, "Protected");
        async Task<long> RecordAsync(string type, string status, DateTimeOffset? starts, DateTimeOffset? ends) =>
            (await (await client.PostAsJsonAsync("/api/v1/orders", new { orderType = type, subjectId = subject, protectedIds = new[] { victim }, status, starts, ends }))
                .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        async Task<List<string>> WarningsAsync(long id) =>
            [.. (await client.GetJsonAsync($"/api/v1/orders/{id}")).GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()!)];

        var shortSpo = await RecordAsync("SPO", "Granted", now, now.AddYears(1));
        var spo = await RecordAsync("SPO", "Granted", now, now.AddYears(2));
        await RecordAsync("DVPN", "Served", now.AddDays(-3), null);
        var lateDvpo = await RecordAsync("DVPO", "Granted", now, now.AddDays(35));

        Assert.Equal(["spo-too-short"], await WarningsAsync(shortSpo));
        Assert.Empty(await WarningsAsync(spo));
        Assert.Equal(["dvpo-duration", "dvpo-late"], (await WarningsAsync(lateDvpo)).Order(StringComparer.Ordinal));
    }
}
