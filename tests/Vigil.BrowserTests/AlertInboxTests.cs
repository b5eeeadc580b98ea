using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>The alert inbox end to end: a supervisor opens an alert, sees why it fired, acknowledges and resolves it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertInboxTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Supervisor_AcknowledgesThenResolvesAnAlert_WithARationale()
    {
        await using var context = await fixture.NewContextAsync("cp.supervisor");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Alerts?Scope=Force");
        var first = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^ALT\d{6}$") }).First;
        var reference = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Alert {reference}");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC\d{6}$") }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: I am dealing with this" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You have acknowledged this alert.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: I am dealing with this" })).ToHaveCountAsync(0);

        await page.GetByLabel("Resolve this alert").FillAsync("Reports joined into one stalking investigation; victim told.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve alert" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You have resolved this alert.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex("^Resolved .*Reports joined into one stalking investigation; victim told\\.$") })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/Alerts?Scope=Force");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToHaveCountAsync(0);
    }
}
