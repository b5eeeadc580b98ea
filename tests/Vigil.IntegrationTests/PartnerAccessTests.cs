using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Forces;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// Partner advocates see a case only while a referral of its victim to their agency stands on consent; every
/// answer, allowed or refused, is audited; police and partner users are kept to their own endpoints; and the
/// consent rules refuse a referral made without consent unless a role that may override records why.
/// </summary>
public sealed class PartnerAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Advocate = "isac.advocate";
    private const string OtherAdvocate = "idva.other";

    private async Task<(long CaseId, long Victim, long Suspect)> CaseAsync()
    {
        var officer = app.ClientFor("cp.investigator");
        var victim = await officer.CreatePersonAsync("Referred", Api.UniqueName("Victim"));
        var suspect = await officer.CreatePersonAsync("Referred", Api.UniqueName("Suspect"));
        var incident = await officer.RecordIncidentAsync(victim, suspect);
        var (caseId, _) = await officer.OpenCaseAsync([incident], victim, suspect);
        return (caseId, victim, suspect);
    }

    private async Task<long> ReferAsync(long caseId, long person, bool consent = true, string status = "Made", string to = "ISAC", string? level = "ContactAndSafety", string user = "cp.investigator", string agency = "ISAC-CYM", string? overrideReason = null)
    {
        var response = await app.ClientFor(user).PostAsJsonAsync("/api/v1/referrals",
            new { personId = person, to, consent, status, caseId, agency, consentLevel = consent ? level : null, overrideReason });
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private async Task<int> ReferralCountAsync(long person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.CountAsync(r => r.PersonRecordId == person);
    }

    private async Task<List<AuditEvent>> PartnerAuditAsync(long caseId, string action) =>
        (await app.AuditEventsForAsync(AuditEntities.Case, caseId)).Where(a => a.Action == action && a.UserName is Advocate or OtherAdvocate).ToList();

    /// <summary>A second partner agency with one advocate, created once: the demo data has only ISAC-CYM.</summary>
    private async Task EnsureOtherAgencyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Users.AnyAsync(u => u.UserName == OtherAdvocate))
        {
            return;
        }
        var agency = new Agency { Code = "IDVA-T", Name = "Test Domestic Abuse Advocacy", Kind = AgencyKind.DomesticAbuseAdvocacy };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var user = new VigilUser
        {
            Id = "demo-" + OtherAdvocate, UserName = OtherAdvocate, NormalizedUserName = OtherAdvocate.ToUpperInvariant(), DisplayName = "Other Advocate",
            AgencyId = agency.Id, SecurityStamp = Guid.NewGuid().ToString("N"), IsDemo = true,
        };
        db.Users.Add(user);
        var role = await db.Roles.FirstAsync(r => r.Name == Roles.PartnerAdvocate);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task OwnAgency_WithConsent_SeesTheCaseAtContactAndSafety_NothingMore_AndTheReadIsAudited()
    {
        var (caseId, victim, _) = await CaseAsync();
        await ReferAsync(caseId, victim);
        var advocate = app.ClientFor(Advocate);

        var list = await advocate.GetJsonAsync("/api/v1/partner/cases");
        var view = await advocate.GetJsonAsync($"/api/v1/partner/cases/{caseId}");

        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("caseId").GetInt64() == caseId);
        Assert.Equal("ContactAndSafety", view.GetProperty("consentLevel").GetString());
        Assert.StartsWith("Referred ", view.GetProperty("victimName").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("suspectName").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("incidents").ValueKind);
        var read = Assert.Single(await PartnerAuditAsync(caseId, AuditActions.Read));
        Assert.Contains("ISAC-CYM", read.Detail);
        Assert.True((await app.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public async Task OwnAgency_FullCaseInformation_AddsTheSuspectAndIncidents()
    {
        var (caseId, victim, _) = await CaseAsync();
        await ReferAsync(caseId, victim, level: "FullCaseInformation");

        var view = await app.ClientFor(Advocate).GetJsonAsync($"/api/v1/partner/cases/{caseId}");

        Assert.StartsWith("Referred ", view.GetProperty("suspectName").GetString());
        Assert.Single(view.GetProperty("incidents").EnumerateArray());
    }

    [Fact]
    public async Task OtherAgency_Refused403_AndTheRefusalIsAudited()
    {
        await EnsureOtherAgencyAsync();
        var (caseId, victim, _) = await CaseAsync();
        await ReferAsync(caseId, victim);
        var other = app.ClientFor(OtherAdvocate);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/partner/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/partner/cases/{caseId}/notes", new { kind = "Concern", text = "Probing." })).StatusCode);
        Assert.DoesNotContain((await other.GetJsonAsync("/api/v1/partner/cases")).EnumerateArray(), c => c.GetProperty("caseId").GetInt64() == caseId);
        Assert.Equal(2, (await PartnerAuditAsync(caseId, AuditActions.AccessDenied)).Count);
        Assert.Empty(await PartnerAuditAsync(caseId, AuditActions.Read));
    }

    [Fact]
    public async Task NoConsent_OrAnOverride_Refused403()
    {
        var (offered, victim1, _) = await CaseAsync();
        await ReferAsync(offered, victim1, consent: false, status: "Offered");
        var (overridden, victim2, _) = await CaseAsync();
        await ReferAsync(overridden, victim2, consent: false, status: "Made", to: "MARAC", user: "cp.supervisor", overrideReason: "Victim at serious risk; MARAC shares without consent.");
        var advocate = app.ClientFor(Advocate);

        Assert.Equal(HttpStatusCode.Forbidden, (await advocate.GetAsync($"/api/v1/partner/cases/{offered}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advocate.GetAsync($"/api/v1/partner/cases/{overridden}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advocate.GetAsync("/api/v1/partner/cases/999999")).StatusCode);
        Assert.Single(await PartnerAuditAsync(offered, AuditActions.AccessDenied));
    }

    [Fact]
    public async Task ConsentWithdrawn_EndsAccessAtOnce()
    {
        var (caseId, victim, _) = await CaseAsync();
        var referral = await ReferAsync(caseId, victim);
        var advocate = app.ClientFor(Advocate);
        await advocate.GetJsonAsync($"/api/v1/partner/cases/{caseId}");

        var noReason = await app.ClientFor("cp.investigator").PostAsJsonAsync($"/api/v1/referrals/{referral}/consent-withdrawal", new { reason = "" });
        await (await app.ClientFor("cp.investigator").PostAsJsonAsync($"/api/v1/referrals/{referral}/consent-withdrawal",
            new { reason = "Victim phoned on 1 March and withdrew consent to sharing with ISAC." })).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("reason", await noReason.ExpectInvalidAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await advocate.GetAsync($"/api/v1/partner/cases/{caseId}")).StatusCode);
        Assert.DoesNotContain((await advocate.GetJsonAsync("/api/v1/partner/cases")).EnumerateArray(), c => c.GetProperty("caseId").GetInt64() == caseId);
        var stored = await app.ClientFor("cp.investigator").GetJsonAsync($"/api/v1/referrals/{referral}");
        Assert.NotEqual(JsonValueKind.Null, stored.GetProperty("consentWithdrawnAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await app.ClientFor("cp.investigator").PostAsJsonAsync($"/api/v1/referrals/{referral}/consent-withdrawal", new { reason = "Again." })).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/cases")]
    [InlineData("GET", "/api/v1/cases/1")]
    [InlineData("GET", "/api/v1/incidents/1")]
    [InlineData("GET", "/api/v1/referrals/1")]
    [InlineData("POST", "/api/v1/referrals")]
    [InlineData("POST", "/api/v1/referrals/1/status")]
    [InlineData("POST", "/api/v1/referrals/1/consent-withdrawal")]
    [InlineData("GET", "/api/v1/alerts")]
    public async Task PoliceEndpoints_RefusedToPartnerUsers(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) };

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(Advocate).SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("cp.investigator")]
    [InlineData("cp.supervisor")]
    [InlineData("cp.administrator")]
    public async Task PartnerEndpoints_RefusedToPoliceUsers(string user)
    {
        var (caseId, victim, _) = await CaseAsync();
        await ReferAsync(caseId, victim);
        var client = app.ClientFor(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/partner/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/partner/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/partner/cases/{caseId}/notes", new { kind = "Concern", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/partner/cases")).StatusCode);
    }

    [Fact]
    public async Task ReferralMadeWithoutConsent_NoOverride_400NamingConsent_NothingWritten()
    {
        var (caseId, victim, _) = await CaseAsync();
        var officer = app.ClientFor("cp.investigator");

        var made = await officer.PostAsJsonAsync("/api/v1/referrals", new { personId = victim, to = "ISAC", consent = false, status = "Made", caseId });
        var accepted = await officer.PostAsJsonAsync("/api/v1/referrals", new { personId = victim, to = "IDVA", status = "Accepted", caseId });
        var overrideToIsac = await app.ClientFor("cp.supervisor").PostAsJsonAsync("/api/v1/referrals",
            new { personId = victim, to = "ISAC", consent = false, status = "Made", caseId, overrideReason = "Worried about her." });

        Assert.Contains("consent", await made.ExpectInvalidAsync());
        Assert.Contains("consent", await accepted.ExpectInvalidAsync());
        Assert.Contains("consent", await overrideToIsac.ExpectInvalidAsync());
        Assert.Equal(0, await ReferralCountAsync(victim));
    }

    [Fact]
    public async Task Override_ByARoleWithoutThePower_403_NothingWritten_ByASupervisor_Recorded()
    {
        var (caseId, victim, _) = await CaseAsync();
        var body = new { personId = victim, to = "MARAC", consent = false, status = "Made", caseId, overrideReason = "High risk: MARAC shares without consent to protect her." };

        var byInvestigator = await app.ClientFor("cp.investigator").PostAsJsonAsync("/api/v1/referrals", body);
        Assert.Equal(0, await ReferralCountAsync(victim));
        var bySupervisor = await app.ClientFor("cp.supervisor").PostAsJsonAsync("/api/v1/referrals", body);

        var refused = await byInvestigator.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("supervisor", refused.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var id = (await bySupervisor.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var stored = await app.ClientFor("cp.supervisor").GetJsonAsync($"/api/v1/referrals/{id}");
        Assert.Equal(body.overrideReason, stored.GetProperty("overrideReason").GetString());
    }

    [Fact]
    public async Task StatusUpdate_RecordsOutcome_AndMovingAnOfferToMadeNeedsConsentOrOverride()
    {
        var (caseId, victim, _) = await CaseAsync();
        var offered = await ReferAsync(caseId, victim, consent: false, status: "Offered");
        var consented = await ReferAsync(caseId, victim);
        var officer = app.ClientFor("cp.investigator");

        var refused = await officer.PostAsJsonAsync($"/api/v1/referrals/{offered}/status", new { status = "Made" });
        await (await officer.PostAsJsonAsync($"/api/v1/referrals/{consented}/status", new { status = "Accepted", outcome = "ISAC allocated an advocate." })).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("consent", await refused.ExpectInvalidAsync());
        var stored = await officer.GetJsonAsync($"/api/v1/referrals/{consented}");
        Assert.Equal("Accepted", stored.GetProperty("status").GetString());
        Assert.Equal("ISAC allocated an advocate.", stored.GetProperty("outcome").GetString());
        Assert.Equal("Offered", (await officer.GetJsonAsync($"/api/v1/referrals/{offered}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PartnerConcern_AlertsTheOfficerInCase_BadNote400_NothingWritten()
    {
        var (caseId, victim, _) = await CaseAsync();
        await ReferAsync(caseId, victim);
        var advocate = app.ClientFor(Advocate);

        var huge = await advocate.PostAsJsonAsync($"/api/v1/partner/cases/{caseId}/notes", new { kind = "Concern", text = new string('x', 100_000) });
        var noKind = await advocate.PostAsJsonAsync($"/api/v1/partner/cases/{caseId}/notes", new { text = "Something." });
        var created = await advocate.PostAsJsonAsync($"/api/v1/partner/cases/{caseId}/notes",
            new { kind = "Concern", text = "She saw him outside her workplace twice this week and is too frightened to call." });

        Assert.Contains("text", await huge.ExpectInvalidAsync());
        Assert.Contains("kind", await noKind.ExpectInvalidAsync());
        await created.ExpectAsync(HttpStatusCode.Created);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.PartnerNotes.CountAsync(n => n.CaseId == caseId));
        var alert = await db.Alerts.Include(a => a.Evidence).SingleAsync(a => a.RuleId == "partner-information" && a.Evidence.Any(e => e.Kind == AlertEvidenceKind.Case && e.EntityId == caseId));
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Equal(Roles.Investigator, alert.OwnerRole);
        Assert.Contains("workplace", alert.MessageArguments[3]);
        var officerView = await app.ClientFor("cp.investigator").GetJsonAsync($"/api/v1/alerts/{alert.Id}");
        Assert.Equal("partner-information", officerView.GetProperty("alert").GetProperty("rule").GetString());
        Assert.Contains("workplace", officerView.GetProperty("alert").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PartnerInformation_AfterARiskAssessment_AsksForItToBeReassessed()
    {
        var (caseId, victim, _) = await CaseAsync();
        await ReferAsync(caseId, victim);
        var officer = app.ClientFor("cp.investigator");
        var answers = Enumerable.Range(1, 11).ToDictionary(i => $"st{i:D2}", i => i <= 2);
        var assessment = (await (await officer.PostAsJsonAsync("/api/v1/risk-assessments",
            new { caseId, victimId = victim, tool = "Stalking", answers, grade = "Medium", rationale = "Persistent contact; no threats so far." }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        await (await app.ClientFor(Advocate).PostAsJsonAsync($"/api/v1/partner/cases/{caseId}/notes",
            new { kind = "NewInformation", text = "He has started messaging her sister asking where she is staying." })).ExpectAsync(HttpStatusCode.Created);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alert = await db.Alerts.Include(a => a.Evidence).SingleAsync(a => a.RuleId == "risk-reassessment-due"
            && a.Evidence.Any(e => e.Kind == AlertEvidenceKind.RiskAssessment && e.EntityId == assessment));
        Assert.Equal("Alert.RiskReassessmentDue.Partner", alert.MessageKey);
        Assert.Contains(alert.Evidence, e => e.Kind == AlertEvidenceKind.Case && e.EntityId == caseId);
    }
}
