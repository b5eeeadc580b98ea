using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// The case plan through the API: evidence status changes with a version (audited with what changed, refused when
/// stale, another force's or malformed), advice from a case with its library items, and the rules the writes raise.
/// Bad input answers 400 naming the field and writes nothing.
/// </summary>
public sealed class CasePlanApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Investigator = "cp.investigator";

    private static int _people;

    private static async Task<long> PersonAsync(HttpClient client, string stem)
    {
        var n = Interlocked.Increment(ref _people);
        var born = new DateOnly(1941, 5, 7).AddDays(n * 211 % 27_000);
        return await client.CreatePersonAsync(n % 2 == 0 ? "Lowri" : "Aeron", Api.UniqueName(stem), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static async Task<(long Victim, long Incident, long Case)> SceneAsync(HttpClient client)
    {
        var victim = await PersonAsync(client, "Victim");
        var suspect = await PersonAsync(client, "Suspect");
        var incident = await client.RecordIncidentAsync(victim, suspect);
        var opened = await client.OpenCaseAsync([incident], victim, suspect);
        return (victim, incident, opened.Id);
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<string[]> FieldsAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    private static async Task<(long Id, string Version)> EvidenceAsync(HttpClient client, long caseId, object? extra = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/evidence", extra ?? new { caseId, kind = "CCTV", status = "Requested", availableUntil = AppFactory.Start.AddDays(20), description = "Co-op, Station Road" });
        var id = (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var view = await client.GetJsonAsync($"/api/v1/evidence/{id}");
        return (id, view.GetProperty("version").GetString()!);
    }

    [Fact]
    public async Task EvidenceStatus_ChangedWithTheVersionRead_ReadBack_AuditedWithTheChange_StaleRefused()
    {
        var client = app.ClientFor(Investigator);
        var (_, _, caseId) = await SceneAsync(client);
        var (id, version) = await EvidenceAsync(client, caseId);

        var changed = await client.PostAsJsonAsync($"/api/v1/evidence/{id}/status", new { status = "Secured", version });
        await changed.ExpectAsync(HttpStatusCode.OK);

        var view = await client.GetJsonAsync($"/api/v1/evidence/{id}");
        Assert.Equal("Secured", view.GetProperty("status").GetString());
        Assert.Equal("Co-op, Station Road", view.GetProperty("description").GetString());
        Assert.NotEqual(version, view.GetProperty("version").GetString());
        var update = Assert.Single(await app.AuditEventsForAsync(AuditEntities.Evidence, id), a => a.Action == AuditActions.Update);
        Assert.Equal("Requested->Secured", update.Detail);

        var stale = await client.PostAsJsonAsync($"/api/v1/evidence/{id}/status", new { status = "Lost", version });
        await stale.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("Secured", (await client.GetJsonAsync($"/api/v1/evidence/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task EvidenceStatus_BadInput_400NamingTheField_OtherForce403_Unknown404_NothingChanged()
    {
        var client = app.ClientFor(Investigator);
        var (_, _, caseId) = await SceneAsync(client);
        var (id, version) = await EvidenceAsync(client, caseId);

        Assert.Contains("version", await FieldsAsync(await client.PostAsJsonAsync($"/api/v1/evidence/{id}/status", new { status = "Secured" })));
        Assert.Contains("status", await FieldsAsync(await client.PostAsJsonAsync($"/api/v1/evidence/{id}/status", new { status = "Burnt", version })));
        Assert.Contains("status", await FieldsAsync(await client.PostAsJsonAsync($"/api/v1/evidence/{id}/status", new { version })));
        await (await app.ClientFor("sv.investigator").PostAsJsonAsync($"/api/v1/evidence/{id}/status", new { status = "Lost", version })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/v1/evidence/999999999/status", new { status = "Lost", version })).ExpectAsync(HttpStatusCode.NotFound);

        Assert.DoesNotContain(await app.AuditEventsForAsync(AuditEntities.Evidence, id), a => a.Action == AuditActions.Update);
        var view = await client.GetJsonAsync($"/api/v1/evidence/{id}");
        Assert.Equal("Requested", view.GetProperty("status").GetString());
        Assert.Equal(version, view.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Evidence_CctvOverwrittenInTwoDays_RaisesEvidenceAtRisk_SecuringLeavesNoNewAlert()
    {
        var client = app.ClientFor(Investigator);
        var (_, _, caseId) = await SceneAsync(client);
        var (id, _) = await EvidenceAsync(client, caseId, new { caseId, kind = "CCTV", status = "Available", availableUntil = AppFactory.Start.AddDays(2) });

        var alerts = await WithDbAsync(db => db.Alerts.Where(a => a.RuleId == EvidenceAtRiskRule.RuleId && a.SubjectKey == $"evidence:{id}").CountAsync());

        Assert.Equal(1, alerts);
    }

    [Fact]
    public async Task Advice_FromACaseWithLibraryItems_ReadBack_UnsafeWordsRaiseUnsafeAdvice()
    {
        var client = app.ClientFor(Investigator);
        var (victim, _, caseId) = await SceneAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/advice", new
        {
            victimId = victim, caseId, library = new[] { "KeepDiary", "NationalHelpline" },
            text = "Keep a diary of every incident. Advised her to block his number and come off Facebook for a while.",
        });
        var id = (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var view = await client.GetJsonAsync($"/api/v1/advice/{id}");
        Assert.Equal(caseId, view.GetProperty("caseId").GetInt64());
        Assert.Equal(["KeepDiary", "NationalHelpline"], view.GetProperty("library").EnumerateArray().Select(l => l.GetString()));
        var alert = await WithDbAsync(db => db.Alerts.SingleAsync(a => a.RuleId == UnsafeAdviceRule.RuleId && a.SubjectKey == $"advice:{id}"));
        Assert.Equal(Vigil.Features.Alerts.AlertSeverity.High, alert.Severity);
    }

    [Fact]
    public async Task Advice_SafeWords_NoAlert()
    {
        var client = app.ClientFor(Investigator);
        var (victim, _, caseId) = await SceneAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/advice", new { victimId = victim, caseId, text = "Told her not to block him; keep a diary and use a second phone." });
        var id = (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        Assert.False(await WithDbAsync(db => db.Alerts.AnyAsync(a => a.RuleId == UnsafeAdviceRule.RuleId && a.SubjectKey == $"advice:{id}")));
    }

    [Fact]
    public async Task Advice_BadInput_400NamingTheField_NothingWritten()
    {
        var client = app.ClientFor(Investigator);
        var (victim, _, caseId) = await SceneAsync(client);
        var stranger = await PersonAsync(client, "Stranger");

        Assert.Contains("text", await FieldsAsync(await client.PostAsJsonAsync("/api/v1/advice", new { victimId = victim, caseId, text = new string('a', 100 * 1024) })));
        Assert.Contains("victimId", await FieldsAsync(await client.PostAsJsonAsync("/api/v1/advice", new { victimId = stranger, caseId, text = "Keep a diary." })));
        Assert.Contains("library[0]", await FieldsAsync(await client.PostAsJsonAsync("/api/v1/advice", new { victimId = victim, caseId, text = "Keep a diary.", library = new[] { "MoveAway" } })));
        Assert.Contains("caseId", await FieldsAsync(await client.PostAsJsonAsync("/api/v1/advice", new { victimId = victim, caseId = 999_999_999, text = "Keep a diary." })));

        Assert.Equal(0, await WithDbAsync(db => db.Advice.CountAsync(a => a.VictimId == victim || a.VictimId == stranger)));
    }
}
