using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>Another force's records: who and which incidents are visible; the full record needs a recorded purpose.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossForceTests(BrowserFixture fixture)
{
    private const string Purpose = "Investigating linked stalking reports against the same suspect in Severn Vale";

    [Fact]
    public async Task PersonHeldByAnotherForce_ShowsIdentityAndIncidents_ContactDetailsAfterPurpose()
    {
        await using var context = await fixture.NewContextAsync("sv.investigator");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/People");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Jones");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^\d+ person records found$") })).ToBeVisibleAsync();
        var otherForceRow = page.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex("^(Cambria|Marches) Police$") }) })
            .First;
        await Expect(otherForceRow).ToBeVisibleAsync();
        var forceName = (await otherForceRow.GetByRole(AriaRole.Cell).Nth(2).InnerTextAsync()).Trim();
        var personName = (await otherForceRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
        await otherForceRow.GetByRole(AriaRole.Link).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(personName);
        await Expect(page.GetByText($"This record is held by {forceName}.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"This record belongs to {forceName}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Incidents involving this person in any force \([1-9]\d*\)$") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Term).GetByText("Phone numbers", new() { Exact = true })).ToHaveCountAsync(0);

        await page.GetByLabel("Why do you need this record?").FillAsync(Purpose);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record purpose and open" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Term).GetByText("Phone numbers", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Term).GetByText("Addresses", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record purpose and open" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task IncidentOfAnotherForce_AsksForPurpose_ThenShowsFullRecord()
    {
        var (incidentPath, reference) = await LatestIncidentOfAsync("cp.investigator");
        await using var context = await fixture.NewContextAsync("sv.investigator");
        var page = await context.NewPageAsync();

        await page.GotoAsync(incidentPath);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Incident {reference}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This record belongs to CP" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People in this incident" })).ToHaveCountAsync(0);

        // No purpose, no record.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record purpose and open" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Enter why you need to see this record" })).ToHaveAttributeAsync("href", "#Purpose");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People in this incident" })).ToHaveCountAsync(0);

        await page.GetByLabel("Why do you need this record?").FillAsync(Purpose);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record purpose and open" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Incident {reference}");
        await Expect(page.GetByText("This is Cambria Police's record, opened for the purpose you recorded.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People in this incident" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new Regex(@"^/People/Details/\d+$"));
        await Expect(page.GetByRole(AriaRole.Term).GetByText("Classification", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record purpose and open" })).ToHaveCountAsync(0);

        // The purpose covers a later visit by the same user.
        await page.GotoAsync(incidentPath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People in this incident" })).ToBeVisibleAsync();
    }

    /// <summary>The newest incident on a user's home page, as that force's own officer sees it.</summary>
    private async Task<(string Path, string Reference)> LatestIncidentOfAsync(string userName)
    {
        await using var context = await fixture.NewContextAsync(userName);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var link = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC\d{6}$") }).First;
        return ((await link.GetAttributeAsync("href"))!, (await link.InnerTextAsync()).Trim());
    }
}
