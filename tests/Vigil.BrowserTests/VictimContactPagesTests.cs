using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>
/// The contact agreement and victim contact pages, reached from a demo case the way an investigator would: an
/// agreement and a contact recorded through them show on the case page, and axe-core finds no WCAG 2.2 A or AA
/// failures on the forms (with errors too) or on the case page's victim contact section, in English and Welsh.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VictimContactPagesTests(BrowserFixture fixture)
{
    private const string Investigator = "cp.investigator";

    [Fact]
    public async Task AgreementAndContact_Recorded_ShownOnTheCase_NoViolations()
    {
        await using var context = await fixture.NewContextAsync(Investigator);
        var page = await context.NewPageAsync();
        await OpenCaseAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keeping the victim informed" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record or revise the contact agreement") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/VictimCare/Agreement\?caseId=\d+$"));
        await page.GetByRole(AriaRole.Group, new() { Name = "Victim" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Every 7 days", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "How to contact them" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByLabel("Safe contact notes", new() { Exact = true }).FillAsync("Mobile only; no voicemail; after 5pm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" })).ToContainTextAsync("Contact agreement recorded");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Agreements on this case, newest first" });
        await Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Mobile only; no voicemail; after 5pm.");
        await Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Current");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record a contact with the victim") }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Victim" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByLabel("What was said", new() { Exact = true }).FillAsync("Weekly call: told her he has been interviewed; no contact from him.");
        await page.GetByRole(AriaRole.Group, new() { Name = "What the contact told them" }).GetByRole(AriaRole.Checkbox).Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" })).ToContainTextAsync("Contact recorded");
        var log = page.GetByRole(AriaRole.Table, new() { Name = "Contacts with the victims of this case, newest first" });
        await Expect(log.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Weekly call: told her he has been interviewed; no contact from him.");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true }).ClickAsync();
        await Expect(page.Locator("#victim-contact ~ dl").First).ToContainTextAsync("Mobile only; no voicemail; after 5pm.");
    }

    [Fact]
    public async Task Agreement_WithErrors_Welsh_NoViolations()
    {
        await using var context = await fixture.NewContextAsync(Investigator);
        var page = await context.NewPageAsync();
        await OpenCaseAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record or revise the contact agreement") }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cytundeb cyswllt");
        // Nothing chosen: the victim (unless the case has only one) and how often are asked for.
        foreach (var radio in await page.GetByRole(AriaRole.Radio).AllAsync())
        {
            await radio.EvaluateAsync("r => r.checked = false");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Cofnodi’r cytundeb" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mae problem wedi codi" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", "#Input_VictimId");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Yn ôl", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rhoi’r wybodaeth ddiweddaraf i’r dioddefwr" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    private static async Task OpenCaseAsync(IPage page)
    {
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).Nth(1).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Allocation history" })).ToBeVisibleAsync();
    }
}
