using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>axe-core finds no WCAG 2.2 A or AA failures on each page, in the state a user would see it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private const string Investigator = "cp.investigator";

    [Fact]
    public Task SignIn() => CheckAsync(null, async page =>
    {
        await page.GotoAsync(SignInPage.Path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to Vigil");
    });

    [Fact]
    public Task SignIn_WithErrors() => CheckAsync(null, async page =>
    {
        await page.GotoAsync(SignInPage.Path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task SignIn_Welsh() => CheckAsync(null, async page =>
    {
        await page.GotoAsync(SignInPage.Path);
        await SwitchToWelshAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mewngofnodi i Vigil");
    });

    [Fact]
    public Task Home() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Hello, "));
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    });

    [Fact]
    public Task Home_Welsh() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/");
        await SwitchToWelshAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Helo, "));
    });

    [Fact]
    public Task PeopleSearch_WithResults() => CheckAsync(Investigator, async page =>
    {
        await SearchPeopleAsync(page, "Jones");
    });

    [Fact]
    public Task Person_OwnForce() => CheckAsync(Investigator, async page =>
    {
        await SearchPeopleAsync(page, "Jones");
        await ResultRow(page, "Cambria Police").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/People/Details/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Incidents involving this person") })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Person_OtherForce_PurposeForm() => CheckAsync(Investigator, async page =>
    {
        await SearchPeopleAsync(page, "Jones");
        await ResultRow(page, "Marches Police").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This record belongs to Marches Police" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task RecordIncident_Empty() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync(RecordIncidentPage.Path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record an incident");
    });

    [Fact]
    public Task RecordIncident_WithErrors() => CheckAsync(Investigator, async page =>
    {
        var form = new RecordIncidentPage(page);
        await form.GotoAsync();
        await form.FillStartedAsync("31", "2", "2024", "25:00");
        await form.SubmitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task RecordIncident_WithMatches() => CheckAsync(Investigator, async page =>
    {
        var form = new RecordIncidentPage(page);
        await form.GotoAsync();
        await form.FillPartyAsync(1, "Victim", "", "Jones");
        await form.FindExistingRecordAsync(1);
        await Expect(form.Party(1).GetByRole(AriaRole.Group, new() { Name = "Use an existing record?" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Incident() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC\d{6}$") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People in this incident" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Incident_JustRecorded() => CheckAsync(Investigator, async page =>
    {
        var form = new RecordIncidentPage(page);
        await form.GotoAsync();
        await form.FillStartedAsync("5", "6", "2025", "");
        await form.FillPartyAsync(1, "Victim", "Nest", TestNames.UniqueFamilyName());
        await form.FillPartyAsync(2, "Suspect", "Rhodri", TestNames.UniqueFamilyName());
        await form.ChooseClassificationAsync("Stalking (s2A)");
        await form.SubmitAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Success");
    });

    [Fact]
    public async Task Incident_OtherForce_PurposeForm()
    {
        string path;
        await using (var marches = await fixture.NewContextAsync("mp.investigator"))
        {
            var own = await marches.NewPageAsync();
            await own.GotoAsync("/");
            path = (await own.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC\d{6}$") }).First.GetAttributeAsync("href"))!;
        }
        await CheckAsync(Investigator, async page =>
        {
            await page.GotoAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record purpose and open" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This record belongs to MP" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public Task Cases() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/Cases");
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    });

    [Fact]
    public Task Case() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Allocation history" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Case_SafeguardingRecords_Welsh() => CheckAsync(Investigator, async page =>
    {
        // The oldest case on the first page: newer ones may be cases other browser tests opened, with no records yet.
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).Last.ClickAsync();
        var records = page.GetByRole(AriaRole.Table, new() { Name = "Safeguarding records on this case" });
        await Expect(records.GetByRole(AriaRole.Cell, new() { Name = "Stalking screening", Exact = true })).ToBeVisibleAsync();
        await Expect(records.GetByRole(AriaRole.Cell, new() { Name = "Risk assessment", Exact = true })).ToBeVisibleAsync();
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cofnodion diogelu ar yr achos hwn" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Asesiad risg", Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Person_OrdersBreachesAndSafeguarding() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).Last.ClickAsync();
        await page.Locator("dd a[href^='/People/Details/']").First.ClickAsync();
        var records = page.GetByRole(AriaRole.Table, new() { Name = "Orders, breaches and safeguarding records" });
        await Expect(records.GetByRole(AriaRole.Cell, new() { Name = "Risk assessment", Exact = true }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task ReviewQueue() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/People/Review");
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^M\d{6}$") }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task PossibleMatch_WithErrors() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/People/Review");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^M\d{6}$") }).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are these the same person?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Enter why you decided this" })).ToHaveAttributeAsync("href", "#Rationale");
    });

    [Fact]
    public Task Person_WithIdentityAndEvidence_Welsh() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/People/Review");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^M\d{6}$") }).First.ClickAsync();
        await page.GetByRole(AriaRole.Table).First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^P\d{6}$") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Identity PN\d{6}$") })).ToBeVisibleAsync();
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Hunaniaeth PN\d{6}$") })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Decide_WithErrors() => CheckAsync(Investigator, async page =>
    {
        await page.GotoAsync("/People");
        await SearchPeopleAsync(page, "Jones");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Link another record to this person" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Enter the person record" })).ToHaveAttributeAsync("href", "#OtherReference");
    });

    [Fact]
    public Task AlertInbox_Welsh() => CheckAsync("cp.supervisor", async page =>
    {
        await page.GotoAsync("/Alerts?Scope=Force");
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^ALT\d{6}$") }).First).ToBeVisibleAsync();
        await SwitchToWelshAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rhybuddion");
    });

    [Fact]
    public Task Alert_ResolveWithoutRationale_Error() => CheckAsync("cp.supervisor", async page =>
    {
        await page.GotoAsync("/Alerts?Scope=Force");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^ALT\d{6}$") }).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Records this alert rests on" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve alert" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Enter why the alert can be resolved") })).ToHaveAttributeAsync("href", "#Rationale");
    });

    [Fact]
    public async Task Axe_PageWithKnownProblem_ReportsIt()
    {
        // Guards the guard: a page with an unlabelled input must fail, naming the rule and the element.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Probe</title></head><body><main><input id=\"probe\" type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoViolationsAsync(page));

        Assert.Contains("- label (critical): Form elements must have labels", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at #probe", failure.Message, StringComparison.Ordinal);
    }

    private async Task CheckAsync(string? userName, Func<IPage, Task> arrive)
    {
        await using var context = await fixture.NewContextAsync(userName);
        var page = await context.NewPageAsync();
        await arrive(page);
        await Axe.AssertNoViolationsAsync(page);
    }

    private static Task SwitchToWelshAsync(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();

    private static async Task SearchPeopleAsync(IPage page, string name)
    {
        await page.GotoAsync("/People?Name=" + Uri.EscapeDataString(name));
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    }

    private static ILocator ResultRow(IPage page, string forceName) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = forceName, Exact = true }) }).First;
}
