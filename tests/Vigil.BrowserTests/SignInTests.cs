using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignIn_WrongThenRightPassword_ShowsErrorSummaryThenHomeWithName()
    {
        // A user no other test signs in as, so the failed attempt cannot count towards anyone else's lockout.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();

        await signIn.SignInAsync("mp.callhandler", "not-the-password");

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" }) });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The user name or password is not right" })).ToHaveAttributeAsync("href", "#Input_UserName");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn$"));
        await Expect(signIn.Heading).ToHaveTextAsync("Sign in to Vigil");
        await Expect(signIn.Password).ToBeEmptyAsync();

        await signIn.SignInAsync("mp.callhandler", BrowserFixture.DemoPassword);

        await Expect(page).ToHaveURLAsync(new Uri(fixture.App.BaseAddress, "/").ToString());
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(HelloName());
        var name = HelloName().Match(await heading.InnerTextAsync()).Groups["name"].Value;
        await Expect(page.GetByText($"Signed in as {name}, MP, ")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_EmptyForm_NamesBothMissingFields()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your user name" })).ToHaveAttributeAsync("href", "#Input_UserName");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" })).ToHaveAttributeAsync("href", "#Input_Password");
        await Expect(page.GetByText("Error: Enter your password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Home_WithoutSigningIn_RedirectsToSignIn()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/People");

        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn\\?ReturnUrl=%2FPeople$"));
        await Expect(new SignInPage(page).Heading).ToHaveTextAsync("Sign in to Vigil");
    }

    [GeneratedRegex("^Hello, (?<name>.+)$")]
    private static partial Regex HelloName();
}
