using Microsoft.Playwright;

namespace Vigil.BrowserTests;

/// <summary>The record-an-incident form, by its legends and labels.</summary>
public sealed class RecordIncidentPage(IPage page)
{
    public const string Path = "/Incidents/Record";

    public Task GotoAsync() => page.GotoAsync(Path);

    public ILocator Started => page.GetByRole(AriaRole.Group, new() { Name = "When did it happen (or start)?", Exact = true });

    public ILocator Party(int number) => page.GetByRole(AriaRole.Group, new() { Name = $"Person {number}", Exact = true });

    public async Task FillStartedAsync(string day, string month, string year, string time)
    {
        await Started.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
        await Started.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
        await Started.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
        await Started.GetByLabel("Time (24-hour)", new() { Exact = true }).FillAsync(time);
    }

    public async Task FillPartyAsync(int number, string role, string givenName, string familyName)
    {
        var party = Party(number);
        await party.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
        await party.GetByLabel("Given name", new() { Exact = true }).FillAsync(givenName);
        await party.GetByLabel("Family name", new() { Exact = true }).FillAsync(familyName);
    }

    /// <summary>Posts the form back and lists that party's existing records under it.</summary>
    public Task FindExistingRecordAsync(int number) =>
        Party(number).GetByRole(AriaRole.Button, new() { Name = $"Find existing record Person {number}", Exact = true }).ClickAsync();

    public Task ChooseClassificationAsync(string label) =>
        page.GetByLabel("Classification", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = label });

    public Task TickBehaviourAsync(string label) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Behaviours", Exact = true }).GetByLabel(label, new() { Exact = true }).CheckAsync();

    public Task TickChannelAsync(string label) =>
        page.GetByRole(AriaRole.Group, new() { Name = "How contact was made", Exact = true }).GetByLabel(label, new() { Exact = true }).CheckAsync();

    public Task FillNarrativeAsync(string text) => page.GetByLabel("What happened", new() { Exact = true }).FillAsync(text);

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Record incident", Exact = true }).ClickAsync();
}
