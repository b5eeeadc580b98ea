using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Vigil.IntegrationTests;

public sealed class AccessTokenTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Token_ShownOnce_HashedAtRest_RevokedTokenRejected()
    {
        var client = app.ClientFor("cp.analyst");

        var created = await (await client.PostAsJsonAsync("/api/v1/access-tokens", new { name = "Export script" })).ExpectAsync(HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("id").GetInt64();
        var list = await client.GetJsonAsync("/api/v1/access-tokens");
        var stored = await app.StoredTokenHashAsync(id);

        Assert.StartsWith("vgl_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list.GetRawText(), StringComparison.Ordinal);
        Assert.NotNull(stored);
        Assert.NotEqual(token, stored);
        Assert.DoesNotContain(token, stored!, StringComparison.Ordinal);

        var viaToken = app.AnonymousClient();
        viaToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await viaToken.GetAsync("/api/v1/incidents")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/access-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viaToken.GetAsync("/api/v1/incidents")).StatusCode);
    }

    [Fact]
    public async Task Token_NameTooShort_400()
    {
        var response = await app.ClientFor("cp.analyst").PostAsJsonAsync("/api/v1/access-tokens", new { name = "x" });
        Assert.Contains("name", await response.ExpectInvalidAsync());
    }
}
