using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

/// <summary>
/// A response officer on a phone-sized screen screens an incident for stalking and completes a risk assessment:
/// errors named on the page, answers saved step by step, a grade refused without its reasons, check your answers,
/// and the completed assessment — with axe-core finding nothing on any form, in English and in Welsh.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RiskAssessmentTests(BrowserFixture fixture)
{
    private const string ResponseOfficer = "cp.responseofficer";

    private static async Task<IPage> PhoneAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC\d{6}$") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People in this incident" })).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Question(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });

    [Fact]
    public async Task ResponseOfficer_ScreensAnIncident_AndCompletesARiskAssessment()
    {
        await using var context = await fixture.NewContextAsync(ResponseOfficer);
        var page = await PhoneAsync(context);
        var incidentUrl = page.Url;

        // Screening: nothing answered is refused, naming what to do; the form is accessible with its errors.
        await page.GetByRole(AriaRole.Link, new() { Name = "Screen for stalking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Screen for stalking");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record screening" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        foreach (var legend in new[] { "Is the suspect fixated on the victim?", "Is the behaviour obsessive?", "Is the behaviour unwanted by the victim?", "Is the behaviour repeated?" })
        {
            await Question(page, legend).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        }
        await Question(page, "Is the victim very frightened?").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why is this not being treated as stalking?").FillAsync("Recorded before the pattern was known; raised with the supervisor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record screening" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Incidents/Details/\d+\?screened=true"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Safeguarding records on this incident" }).GetByText("Stalking screening").First).ToBeVisibleAsync();

        // Risk assessment: victim and tool, then the questions in saved steps.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a risk assessment" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Group, new() { Name = "Which victim are you assessing?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByLabel("Stalking questions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(page.GetByText("Step 1 of 2")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await Question(page, "Does the suspect turn up at the victim’s home or work more than three times a week?").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Question(page, "Has the suspect destroyed or vandalised the victim’s property?").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page.GetByText("Step 2 of 2")).ToBeVisibleAsync();

        // Going back finds the answers saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Expect(Question(page, "Does the suspect turn up at the victim’s home or work more than three times a week?").GetByLabel("Yes", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // The grade is given beside the indicators, and never without its reasons.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What the answers and records show" })).ToBeVisibleAsync();
        await page.GetByLabel("Standard").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Give the reasons for the grade") })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("High").CheckAsync();
        await page.GetByLabel("Why this grade?").FillAsync("Visits her home most days; frightened; escalating since she ended it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Check your answers, then complete.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before completing the assessment");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Risk assessment completed");
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^RSK\d{6}$") })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // A completed assessment is not edited: its steps lead back to it.
        var assessmentUrl = page.Url;
        var id = Regex.Match(assessmentUrl, @"id=(\d+)").Groups[1].Value;
        await page.GotoAsync($"/Risk/Questions?id={id}&step=1");
        await Expect(page).ToHaveURLAsync(new Regex($@"/Risk/Assessment\?id={id}$"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Asesiadau risg y dioddefwr" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        Assert.NotEqual(incidentUrl, assessmentUrl);
    }

    [Fact]
    public async Task Forms_InWelsh_HaveNoAccessibilityProblems()
    {
        await using var context = await fixture.NewContextAsync(ResponseOfficer);
        var page = await PhoneAsync(context);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sgrinio am stelcian" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sgrinio am stelcian");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cofnodi sgrinio" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mae problem wedi codi" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Yn ôl" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dechrau asesiad risg" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Pa ddioddefwr ydych chi’n ei asesu?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByLabel("Rhestr wirio yn null DASH").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dechrau" }).ClickAsync();
        await Expect(page.GetByText("Cam 1 o 4")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task SupervisorReview_RefusedWithoutReasons_Accessible()
    {
        await using var context = await fixture.NewContextAsync("cp.supervisor");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Table, new() { Name = "Safeguarding records on this case" }).GetByRole(AriaRole.Link, new() { Name = "Risk assessment" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Review the grade" }).ClickAsync();
        await page.GetByLabel("High").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Give the reasons for your review of the grade" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Why?").FillAsync("Stalking with visits to her home: raising to high.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Review recorded");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Supervisor reviews" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ForceReferenceData_ChangeNeedsAReason_Accessible()
    {
        await using var context = await fixture.NewContextAsync("cp.stalkingspoc");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Risk/Reference");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Risk reference data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }
}
