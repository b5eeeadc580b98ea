using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>The review queue end to end: a reviewer sees the evidence, decides, and the pair leaves the queue.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonResolutionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ReviewQueue_DecideDifferentPeople_RecordsDecisionAndClosesTheMatch()
    {
        await using var context = await fixture.NewContextAsync("cp.investigator");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/People/Review");
        var first = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^M\d{6}$") }).First;
        var reference = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex(@"^Evidence: [\d.]+% likely to be the same person") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Date of birth" }).First).ToBeVisibleAsync();
        await page.GetByLabel("No, different people").CheckAsync();
        await page.GetByLabel("Why").FillAsync("Custody photographs show two different men; dates of birth confirmed with each.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your decision has been recorded.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToHaveCountAsync(0);
        await page.GotoAsync($"/People/Review/Match/{reference[1..].TrimStart('0')}");
        await Expect(page.GetByText("Decided: different people")).ToBeVisibleAsync();
        await Expect(page.GetByText("Custody photographs show two different men; dates of birth confirmed with each.")).ToBeVisibleAsync();

        // Undo it from the person page: the revoke form asks why, and the decision is kept, marked revoked.
        await page.GetByRole(AriaRole.Table).First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^P\d{6}$") }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Revoke this decision D\d{6}$") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Revoke a decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke decision" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Enter why you decided this" })).ToHaveAttributeAsync("href", "#Rationale");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Why you are revoking it").FillAsync("Recorded against the wrong pair of records.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke decision" }).ClickAsync();
        await Expect(page.GetByText("Revoked", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"^by .+: Recorded against the wrong pair of records\.$"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RevokePage_UnknownDecision_NotFound()
    {
        await using var context = await fixture.NewContextAsync("cp.investigator");
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/People/Revoke/999999");
        Assert.Equal(404, response!.Status);
    }
}
