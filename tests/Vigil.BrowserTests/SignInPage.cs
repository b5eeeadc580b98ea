using Microsoft.Playwright;

namespace Vigil.BrowserTests;

/// <summary>The sign-in page, found by its labels and button as a user would.</summary>
public sealed class SignInPage(IPage page)
{
    public const string Path = "/Account/SignIn";

    public ILocator UserName => page.GetByLabel("User name", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public Task GotoAsync() => page.GotoAsync(Path);

    public async Task SignInAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
