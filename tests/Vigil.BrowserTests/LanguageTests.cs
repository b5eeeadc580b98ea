using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignInPage_Cymraeg_ShowsWelshAndKeepsItAfterSigningIn()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(SignInPage.Path);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await Languages(page).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mewngofnodi i Vigil");
        await page.GetByLabel("Enw defnyddiwr", new() { Exact = true }).FillAsync("sv.callhandler");
        await page.GetByLabel("Cyfrinair", new() { Exact = true }).FillAsync(BrowserFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mewngofnodi", Exact = true }).ClickAsync();

        // The choice is remembered: the home page after signing in is in Welsh too.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Helo, .+"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
    }

    [Fact]
    public async Task HomePage_CymraegThenEnglish_SwitchesBothWays()
    {
        await using var context = await fixture.NewContextAsync("cp.investigator");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Hello, .+"));

        await Languages(page).GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Helo, .+"));
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Dewislen" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Cofnodi digwyddiad" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Pobl", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Allgofnodi" })).ToBeVisibleAsync();

        // Welsh follows the user to the next page.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Achosion", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Achosion");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Iaith" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Regex("/Cases$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cases");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Record an incident" })).ToBeVisibleAsync();
    }

    private static ILocator Languages(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Language" });
}
