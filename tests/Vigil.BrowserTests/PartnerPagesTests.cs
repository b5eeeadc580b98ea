using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>
/// An officer records a referral to the stalking advocacy service with the victim's consent; the advocate signs in,
/// finds the case among those referred to their agency, and tells the officer something. axe-core finds nothing on
/// the referral form, the referral page or the partner pages, in English and in Welsh.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnerPagesTests(BrowserFixture fixture)
{
    private const string Investigator = "cp.investigator";
    private const string Advocate = "isac.advocate";

    [Fact]
    public async Task OfficerRefersWithConsent_AdvocateSeesTheCase_AndRecordsAConcern()
    {
        string caseReference;
        await using (var officer = await fixture.NewContextAsync(Investigator))
        {
            var page = await officer.NewPageAsync();
            var caseId = await CreateCaseAsync(page);
            caseReference = $"CASE{caseId:D6}";
            await page.GotoAsync($"/Referrals/New?caseId={caseId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record a referral");
            await Axe.AssertNoViolationsAsync(page);

            // Made without consent, by an investigator: refused, with the reason on the page.
            await page.GetByLabel("Referred to").SelectOptionAsync("ISAC");
            await page.GetByLabel("Partner agency").SelectOptionAsync("ISAC-CYM");
            await page.GetByLabel("Status").SelectOptionAsync("Made");
            await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record referral" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByLabel("Yes, the victim consented").CheckAsync();
            await page.GetByLabel("Contact and safety only").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record referral" }).ClickAsync();
            await Expect(page.GetByText(new Regex("^Referral REF\\d{6} recorded$"))).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
            await SwitchToWelshAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Atgyfeiriad REF\\d{6}$"));
            await Axe.AssertNoViolationsAsync(page);
            await page.GotoAsync($"/Referrals/New?caseId={caseId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cofnodi atgyfeiriad");
            await Axe.AssertNoViolationsAsync(page);
        }

        await using var advocate = await fixture.NewContextAsync(Advocate);
        var partner = await advocate.NewPageAsync();
        await partner.GotoAsync("/Partner");
        await Expect(partner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cases referred to your agency");
        await Axe.AssertNoViolationsAsync(partner);
        await partner.GetByRole(AriaRole.Link, new() { Name = caseReference }).ClickAsync();
        await Expect(partner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Case {caseReference}");
        await Axe.AssertNoViolationsAsync(partner);

        await partner.GetByLabel("Concern").CheckAsync();
        await partner.GetByLabel("Details").FillAsync("She saw him outside her workplace twice this week.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Send to the officer in case" }).ClickAsync();
        await Expect(partner.GetByText("Recorded. The officer in case has been alerted.")).ToBeVisibleAsync();
        await Expect(partner.GetByText("She saw him outside her workplace twice this week.")).ToBeVisibleAsync();
        await SwitchToWelshAsync(partner);
        await Expect(partner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Achos {caseReference}");
        await Axe.AssertNoViolationsAsync(partner);
        await partner.GotoAsync("/Partner");
        await Axe.AssertNoViolationsAsync(partner);

        // A police page is refused to the advocate: the sign-in cookie sends them to the access-denied page.
        await partner.GotoAsync("/Cases");
        await Expect(partner).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
    }

    private static async Task<long> CreateCaseAsync(IPage page)
    {
        var victim = await PostAsync(page, "/api/v1/person-records", new { givenName = "Eirlys", familyName = "Referral" + Guid.NewGuid().ToString("N")[..10], sex = "F" });
        var suspect = await PostAsync(page, "/api/v1/person-records", new { givenName = "Gareth", familyName = "Referral" + Guid.NewGuid().ToString("N")[..10], sex = "M" });
        var incident = await PostAsync(page, "/api/v1/incidents", new
        {
            occurredFrom = TimeProvider.System.GetUtcNow().AddDays(-2),
            classification = "StalkingS2A",
            narrative = "He waited outside her work and followed her to the bus stop.",
            behaviours = new[] { "Following", "TurningUpAtWork" },
            channels = new[] { "InPerson" },
            relationship = "ExPartner",
            parties = new object[] { new { personRecordId = victim, role = "Victim" }, new { personRecordId = suspect, role = "Suspect" } },
        });
        return await PostAsync(page, "/api/v1/cases", new { incidentIds = new[] { incident }, victimPersonRecordId = victim, suspectPersonRecordId = suspect });
    }

    private static async Task<long> PostAsync(IPage page, string url, object body)
    {
        var response = await page.APIRequest.PostAsync(url, new() { DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Status == 201, $"{url}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    private static Task SwitchToWelshAsync(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
}
