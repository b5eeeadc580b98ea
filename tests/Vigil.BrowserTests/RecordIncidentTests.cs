using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class RecordIncidentTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Record_TwoNewParties_ShowsIncidentAndLinksVictimToIt()
    {
        await using var context = await fixture.NewContextAsync("cp.responseofficer");
        var page = await context.NewPageAsync();
        var form = new RecordIncidentPage(page);
        var victim = ("Eirlys", TestNames.UniqueFamilyName());
        var suspect = ("Caradog", TestNames.UniqueFamilyName());
        await form.GotoAsync();

        await form.FillStartedAsync("14", "3", "2025", "21:40");
        await form.FillPartyAsync(1, "Victim", victim.Item1, victim.Item2);
        await form.FillPartyAsync(2, "Suspect", suspect.Item1, suspect.Item2);

        // Nobody has these names yet: finding the victim's record offers only a new one, and keeps what was typed.
        await form.FindExistingRecordAsync(1);
        var party1 = form.Party(1);
        await Expect(party1.GetByText("No existing record matches. A new person record will be created.")).ToBeVisibleAsync();
        await Expect(party1.GetByRole(AriaRole.Radio, new() { Name = "None of these: create a new person record" })).ToBeCheckedAsync();
        await Expect(party1.GetByLabel("Family name", new() { Exact = true })).ToHaveValueAsync(victim.Item2);
        await Expect(form.Party(2).GetByLabel("Family name", new() { Exact = true })).ToHaveValueAsync(suspect.Item2);
        await Expect(form.Started.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync("14");

        await form.ChooseClassificationAsync("Stalking (s2A)");
        await form.TickBehaviourAsync("Unwanted contact");
        await form.TickChannelAsync("Text messages");
        await form.FillNarrativeAsync("Forty texts in one evening after being asked to stop; waited outside her work.");
        await form.SubmitAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Incidents/Details/\d+\?recorded=true$"));
        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Success" });
        await Expect(banner).ToContainTextAsync(IncidentRecorded());
        var reference = IncidentRecorded().Match(await banner.InnerTextAsync()).Groups["reference"].Value;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Incident {reference}");
        await Expect(SummaryValue(page, "Classification")).ToHaveTextAsync("Stalking (s2A) (crime)");
        await Expect(SummaryValue(page, "Behaviours")).ToHaveTextAsync("Unwanted contact");
        await Expect(SummaryValue(page, "How contact was made")).ToHaveTextAsync("Text messages");
        var parties = page.GetByRole(AriaRole.Table);
        await Expect(parties.GetByRole(AriaRole.Row).Filter(new() { HasText = "Victim" })).ToContainTextAsync($"{victim.Item1} {victim.Item2}");
        await Expect(parties.GetByRole(AriaRole.Row).Filter(new() { HasText = "Suspect" })).ToContainTextAsync($"{suspect.Item1} {suspect.Item2}");

        await parties.GetByRole(AriaRole.Link, new() { Name = $"{victim.Item1} {victim.Item2}", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/People/Details/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{victim.Item1} {victim.Item2}");
        await Expect(page.GetByText(new Regex(@"^Person record P\d{6}, Cambria Police$"))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incidents involving this person in any force (1)" })).ToBeVisibleAsync();
        var incidentRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }) });
        await Expect(incidentRow).ToContainTextAsync("Stalking (s2A)");
        await Expect(incidentRow).ToContainTextAsync("Victim");
    }

    [Fact]
    public async Task FindExistingRecord_KnownPerson_OffersTheirRecordAndLinksTheIncidentToIt()
    {
        await using var context = await fixture.NewContextAsync("cp.callhandler");
        var page = await context.NewPageAsync();

        // A real demo person from this force, found the way an officer would.
        await page.GotoAsync("/People?Name=Jones");
        var ownRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "Cambria Police", Exact = true }) }).First;
        var known = (await ownRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
        var knownReference = (await ownRow.GetByRole(AriaRole.Cell).Nth(3).InnerTextAsync()).Trim();
        var split = known.IndexOf(' ', StringComparison.Ordinal);

        var form = new RecordIncidentPage(page);
        await form.GotoAsync();
        await form.FillPartyAsync(1, "Victim", known[..split], known[(split + 1)..]);
        await form.FindExistingRecordAsync(1);

        var choices = form.Party(1).GetByRole(AriaRole.Group, new() { Name = "Use an existing record?" });
        await Expect(choices).ToBeVisibleAsync();
        await Expect(choices.GetByText("No existing record matches")).ToHaveCountAsync(0);
        var match = choices.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($@"^{Regex.Escape(known)}, .* — Cambria Police \({knownReference}\)$") });
        await Expect(match).ToHaveCountAsync(1);
        await match.CheckAsync();

        var suspect = TestNames.UniqueFamilyName();
        await form.FillPartyAsync(2, "Suspect", "Idris", suspect);
        await form.FillStartedAsync("2", "11", "2025", "");
        await form.ChooseClassificationAsync("Harassment (s2)");
        await form.TickBehaviourAsync("Following");
        await form.TickChannelAsync("In person");
        await form.FillNarrativeAsync("Followed from the bus stop to the front door.");
        await form.SubmitAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Incidents/Details/\d+\?recorded=true$"));
        var victimLink = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "Victim" }).GetByRole(AriaRole.Link);
        await Expect(victimLink).ToHaveTextAsync(known);
        await Expect(victimLink).ToHaveAttributeAsync("href", $"/People/Details/{long.Parse(knownReference[1..], System.Globalization.CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public async Task Record_ImpossibleDate_ShowsErrorLinkedToDateAndRecordsNothing()
    {
        await using var context = await fixture.NewContextAsync("cp.callhandler");
        var page = await context.NewPageAsync();
        var form = new RecordIncidentPage(page);
        var victim = TestNames.UniqueFamilyName();
        await form.GotoAsync();

        await form.FillStartedAsync("31", "2", "2024", "10:00");
        await form.FillPartyAsync(1, "Victim", "Gwenno", victim);
        await form.FillPartyAsync(2, "Suspect", "Emyr", TestNames.UniqueFamilyName());
        await form.ChooseClassificationAsync("Stalking (s2A)");
        await form.FillNarrativeAsync("Calls every night.");
        await form.SubmitAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Incidents/Record(\?.*)?$"));
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" }) });
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "The date must be a real date, for example 27 3 2024" });
        await Expect(link).ToHaveAttributeAsync("href", "#Input_FromDay");
        await Expect(form.Started.GetByText("Error: The date must be a real date, for example 27 3 2024")).ToBeVisibleAsync();
        await Expect(form.Started).ToHaveAccessibleDescriptionAsync(new Regex("The date must be a real date"));
        await Expect(form.Started.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync("31");
        await Expect(form.Party(1).GetByLabel("Family name", new() { Exact = true })).ToHaveValueAsync(victim);

        // The summary link takes the user to the field, as the GOV.UK error summary does.
        await link.ClickAsync();
        await Expect(form.Started.GetByLabel("Day", new() { Exact = true })).ToBeFocusedAsync();

        // Nothing was written: the new victim's person record does not exist.
        await page.GotoAsync($"/People?Name={victim}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "0 person records found" })).ToBeVisibleAsync();
    }

    private static ILocator SummaryValue(IPage page, string key) =>
        page.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(key)}$") }).Locator("xpath=following-sibling::dd[1]");

    [GeneratedRegex(@"Incident (?<reference>INC\d{6}) recorded")]
    private static partial Regex IncidentRecorded();
}
