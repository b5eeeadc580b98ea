using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>
/// A force's rule thresholds end to end: a stalking single point of contact finds the rules from the inbox,
/// is told what is wrong with a change that has no reason, changes a threshold with one, and sees it in force —
/// in English and in Welsh, with no accessibility violations on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RuleSettingsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task StalkingSpoc_ChangesAThreshold_WithAReason_AndSeesItInForce()
    {
        // Marches Police, so the change cannot affect what other tests see in Cambria and Severn Vale.
        await using var context = await fixture.NewContextAsync("mp.stalkingspoc");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Alerts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules and thresholds in your force" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rules and thresholds");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change Handovers allowed before the alert, Case handed over many times" }).ClickAsync();
        await page.GetByLabel("Value in your force").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save threshold" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Give the reason for the change") })).ToHaveAttributeAsync("href", "#Reason");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Why your force is changing it").FillAsync("Our specialist unit rotates officers monthly by design.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save threshold" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Threshold changed for Case handed over many times.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "handover-continuity" });
        await Expect(row).ToContainTextAsync("Handovers allowed before the alert: 3 (default 2)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rheolau a throthwyon");
        await Axe.AssertNoViolationsAsync(page);

        // Put it back, through the same form, so the demo force keeps its defaults.
        await page.GotoAsync("/Rules/Threshold?rule=handover-continuity&name=maximumHandovers&lang=en");
        await page.GetByLabel("Value in your force").FillAsync("2");
        await page.GetByLabel("Why your force is changing it").FillAsync("Back to the default after the test of the form.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save threshold" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "handover-continuity" })).Not.ToContainTextAsync("default");
    }

    [Fact]
    public async Task Investigator_SeesTheRules_ButCannotChangeThem()
    {
        await using var context = await fixture.NewContextAsync("cp.investigator");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Rules");
        await Expect(page.GetByText("Administrators and stalking single points of contact can change a threshold for your force.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change ") })).ToHaveCountAsync(0);

        await page.GotoAsync("/Rules/Threshold?rule=course-of-conduct&name=minimumIncidents");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
    }
}
