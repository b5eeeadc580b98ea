using System.Net;
using System.Net.Http.Headers;

namespace Vigil.IntegrationTests;

/// <summary>Things the whole service promises: its schema matches its model, its API is described, it speaks Welsh.</summary>
public sealed class ServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Migrations_MatchTheModel_ForThisProvider()
    {
        Assert.False(await app.HasPendingModelChangesAsync(), $"The {(app.IsPostgres ? "PostgreSQL" : "SQLite")} migrations are behind the model: add a migration for both providers.");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/incidents", paths);
        Assert.Contains("/api/v1/cases/{id}/handovers", paths);
        Assert.Contains("/api/v1/person-records", paths);
    }

    [Fact]
    public async Task Problems_InWelsh_WhenAskedFor()
    {
        var client = app.ClientFor("cp.investigator");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("cy"));

        var problem = await client.GetJsonAsync("/api/v1/person-records", HttpStatusCode.BadRequest);

        Assert.Equal("Nid yw un neu ragor o'r meysydd yn ddilys", problem.GetProperty("title").GetString());
        Assert.StartsWith("Rhowch enw", problem.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/SignIn?lang=cy", "lang=\"cy\"", "Mewngofnodi i Vigil")]
    [InlineData("/Account/SignIn?lang=en", "lang=\"en\"", "Sign in to Vigil")]
    public async Task SignInPage_LanguageFromQuery(string url, string htmlLang, string heading)
    {
        var html = await (await app.AnonymousClient().GetAsync(url)).Content.ReadAsStringAsync();

        Assert.Contains(htmlLang, html, StringComparison.Ordinal);
        Assert.Contains(heading, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/People")]
    [InlineData("/Incidents/Record")]
    [InlineData("/Cases")]
    public async Task Pages_WithoutSignIn_RedirectToSignIn(string url)
    {
        var response = await app.AnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStart_WithDemoAccounts_Refused()
    {
        var refusal = await app.ProductionStartRefusalAsync();

        Assert.NotNull(refusal);
        Assert.Contains("demo accounts", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiReferencePage_InWelsh_DescribesEndpointsInWelsh()
    {
        var html = await (await app.ClientFor("cp.investigator").GetAsync("/Api?lang=cy")).Content.ReadAsStringAsync();

        Assert.Contains("Agor achos dros un neu ragor o ddigwyddiadau", html, StringComparison.Ordinal);
        Assert.Contains("Cofnodion pobl", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Open a case over one or more incidents", html, StringComparison.Ordinal);
    }
}
