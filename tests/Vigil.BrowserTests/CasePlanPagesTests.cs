using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>
/// The considerations log, the evidence plan and the safety advice page, reached from a demo case: axe-core finds no
/// WCAG 2.2 A or AA failures on any of them in English and Welsh, with and without errors or warnings; a consideration,
/// a piece of evidence and its status change, and confirmed advice are recorded through them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CasePlanPagesTests(BrowserFixture fixture)
{
    private const string Investigator = "cp.investigator";

    [Fact]
    public Task Considerations_WithErrors() => CheckAsync(async page =>
    {
        await OpenAsync(page, "Considerations log", "Considerations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Considerations log");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not yet considered" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consideration" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Choose the option you considered" })).ToHaveAttributeAsync("href", "#What");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Choose whether it was progressed" })).ToHaveAttributeAsync("href", "#Decision");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter the rationale for the decision" })).ToHaveAttributeAsync("href", "#Rationale");
    });

    [Fact]
    public Task Considerations_Welsh() => CheckAsync(async page =>
    {
        await OpenAsync(page, "Considerations log", "Considerations");
        await SwitchToWelshAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cofnod ystyriaethau");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Heb eu hystyried eto" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Evidence_WithErrors() => CheckAsync(async page =>
    {
        await OpenAsync(page, "Evidence plan", "Evidence");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evidence plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record evidence" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Choose the kind of evidence" })).ToHaveAttributeAsync("href", "#Input_Kind");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Choose where the evidence stands" })).ToHaveAttributeAsync("href", "#Input_Status");
    });

    [Fact]
    public Task Evidence_Welsh() => CheckAsync(async page =>
    {
        await OpenAsync(page, "Evidence plan", "Evidence");
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cynllun tystiolaeth");
    });

    [Fact]
    public Task Advice_UnsafeWordsWarned_NothingSaved() => CheckAsync(async page =>
    {
        await OpenAsync(page, "Safety advice", "Advice");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Safety advice");
        await page.GetByLabel("Other advice, in the words you used").FillAsync("Advised her to block his number and come off Facebook for a while.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record advice" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This advice may be unsafe" })).ToBeVisibleAsync();
        await Expect(page.Locator("#advice-warning")).ToContainTextAsync("Blocking loses the evidence");
        await Expect(page.Locator("#advice-warning")).ToContainTextAsync("come off Facebook for a while");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm the advice was given in these words" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Advice_Welsh() => CheckAsync(async page =>
    {
        await OpenAsync(page, "Safety advice", "Advice");
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cyngor diogelwch");
        await page.GetByLabel("Cyngor arall, yn y geiriau a ddefnyddiwyd gennych").FillAsync("Change your number.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cofnodi cyngor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gall y cyngor hwn fod yn anniogel" })).ToBeVisibleAsync();
    });

    [Fact]
    public async Task PlanRecorded_Consideration_Evidence_StatusChange_ConfirmedAdvice()
    {
        await using var context = await fixture.NewContextAsync(Investigator);
        var page = await context.NewPageAsync();
        await OpenAsync(page, "Considerations log", "Considerations", last: true);
        await page.GetByLabel("Option").SelectOptionAsync("ClaresLaw");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Not progressed" }).CheckAsync();
        await page.GetByLabel("Rationale").FillAsync("No previous partners known to police; not applicable.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consideration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" })).ToContainTextAsync(new Regex(@"Consideration CON\d{6} recorded"));
        await Expect(page.Locator("#considered")).ToContainTextAsync("No previous partners known to police; not applicable.");
        await Expect(page.Locator("#not-yet-considered")).Not.ToContainTextAsync("Clare");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Evidence plan") }).ClickAsync();
        await page.GetByLabel("Evidence", new() { Exact = true }).SelectOptionAsync("CCTV");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Requested" }).CheckAsync();
        await page.GetByLabel("Description").FillAsync("Camera over the shop door, Heol y Bont");
        var until = page.GetByRole(AriaRole.Group, new() { Name = "Will be lost or overwritten" });
        await until.GetByLabel("Day", new() { Exact = true }).FillAsync("20");
        await until.GetByLabel("Month", new() { Exact = true }).FillAsync("3");
        await until.GetByLabel("Year", new() { Exact = true }).FillAsync("2031");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record evidence" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" })).ToContainTextAsync(new Regex(@"Evidence EVD\d{6} recorded"));
        var row = page.Locator("#evidence-items tr").Filter(new() { HasText = "Camera over the shop door" });
        await Expect(row).ToContainTextAsync("20 Mar 2031");
        await row.GetByRole(AriaRole.Combobox).SelectOptionAsync("Secured");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" })).ToContainTextAsync(new Regex(@"Evidence EVD\d{6} changed"));
        await Expect(page.Locator("#evidence-items tr").Filter(new() { HasText = "Camera over the shop door" }).Locator(".govuk-tag").First).ToHaveTextAsync("secured", new() { IgnoreCase = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Safety advice") }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Keep a diary" }).CheckAsync();
        await page.GetByLabel("Other advice, in the words you used").FillAsync("Change your number.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record advice" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the advice was given in these words" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" })).ToContainTextAsync(new Regex(@"Advice ADV\d{6} recorded"));
        var given = page.Locator("#advice-given");
        await Expect(given).ToContainTextAsync("Keep a diary of every incident");
        await Expect(given).ToContainTextAsync("Change your number.");
        await Expect(given).ToContainTextAsync("Unsafe");
        await Axe.AssertNoViolationsAsync(page);
    }

    private static async Task OpenAsync(IPage page, string link, string path, bool last = false)
    {
        await page.GotoAsync("/Cases");
        var cases = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link);
        await (last ? cases.Last : cases.First).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(link)) }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/Cases/{path}/\d+$"));
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
