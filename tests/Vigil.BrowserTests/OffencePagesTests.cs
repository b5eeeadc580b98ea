using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>
/// The offence guidance page and the impact evidence form, reached from a demo case the way an investigator would:
/// axe-core finds no WCAG 2.2 A or AA failures on either, in English and Welsh, with and without errors; and
/// evidence recorded through the form shows in the case's safeguarding records and in the guidance.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OffencePagesTests(BrowserFixture fixture)
{
    private const string Investigator = "cp.investigator";

    [Fact]
    public Task OffenceGuidance() => CheckAsync(async page =>
    {
        await OpenGuidanceAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Offence guidance");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync("Offences");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Points to prove for Stalking involving fear of violence or serious alarm or distress (s4A)" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task OffenceGuidance_Welsh() => CheckAsync(async page =>
    {
        await OpenGuidanceAsync(page);
        await SwitchToWelshAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Canllawiau ar y drosedd");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stelcian (a2A)" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task ImpactEvidence_Empty() => CheckAsync(async page =>
    {
        await OpenFormAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record impact evidence");
    });

    [Fact]
    public Task ImpactEvidence_WithErrors() => CheckAsync(async page =>
    {
        await OpenFormAsync(page);
        // Fear of violence ticked with no number, and nothing else: every problem is listed at once.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Fear of violence", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record impact evidence" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Choose what kind of evidence it is" })).ToHaveAttributeAsync("href", "#Input_Kind");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter when the evidence was obtained" })).ToHaveAttributeAsync("href", "#Input_ObtainedDay");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter a short summary of what the victim described" })).ToHaveAttributeAsync("href", "#Input_Summary");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter on how many occasions the victim feared violence" })).ToHaveAttributeAsync("href", "#Input_FearOccasions");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "On how many occasions did they fear violence?" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task ImpactEvidence_WithErrors_Welsh() => CheckAsync(async page =>
    {
        await OpenFormAsync(page);
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cofnodi tystiolaeth o'r effaith");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cofnodi tystiolaeth o'r effaith" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mae problem wedi codi" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Dewiswch pa fath o dystiolaeth yw hi" })).ToHaveAttributeAsync("href", "#Input_Kind");
    });

    [Fact]
    public async Task ImpactEvidence_Recorded_ShownInSafeguarding_AndCountedInTheGuidance()
    {
        await using var context = await fixture.NewContextAsync(Investigator);
        var page = await context.NewPageAsync();
        // The last case, so the accessibility checks of the first case see it as the demo data left it.
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record impact evidence") }).ClickAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "Diary kept by the victim", Exact = true }).CheckAsync();
        var obtained = page.GetByRole(AriaRole.Group, new() { Name = "When was it obtained?" });
        await obtained.GetByLabel("Day", new() { Exact = true }).FillAsync("3");
        await obtained.GetByLabel("Month", new() { Exact = true }).FillAsync("2");
        await obtained.GetByLabel("Year", new() { Exact = true }).FillAsync("2025");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("Three weeks of entries: she now drives a different way to work and has stopped going to choir.");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Serious alarm or distress", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Changed their routine or route", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Stopped going out or social activities", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record impact evidence" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Cases/Details/\d+\?changed=impact$"));
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" })).ToContainTextAsync(new Regex(@"Impact evidence recorded on CASE\d{6}"));
        var records = page.GetByRole(AriaRole.Table, new() { Name = "Safeguarding records on this case" });
        var row = records.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "Impact evidence", Exact = true }) });
        await Expect(row).ToContainTextAsync("Diary kept by the victim, obtained 3 Feb 2025: Serious alarm or distress; Changed their routine or route; Stopped going out or social activities.");
        var reference = new Regex(@"IMP\d{6}").Match(await row.InnerTextAsync()).Value;

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Offence guidance") }).ClickAsync();

        var s4a = page.GetByRole(AriaRole.Table, new() { Name = "Points to prove for Stalking involving fear of violence or serious alarm or distress (s4A)" });
        var effect = s4a.GetByRole(AriaRole.Row).Filter(new() { HasText = "substantial adverse effect" });
        await Expect(effect).ToContainTextAsync("Met");
        await Expect(effect.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToHaveAttributeAsync("href", "#" + reference);
    }

    private static async Task OpenCaseAsync(IPage page)
    {
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Allocation history" })).ToBeVisibleAsync();
    }

    private static async Task OpenGuidanceAsync(IPage page)
    {
        await OpenCaseAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Offence guidance") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Cases/OffenceGuidance\?id=\d+$"));
    }

    private static async Task OpenFormAsync(IPage page)
    {
        await OpenCaseAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record impact evidence") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Cases/ImpactEvidence\?id=\d+$"));
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
