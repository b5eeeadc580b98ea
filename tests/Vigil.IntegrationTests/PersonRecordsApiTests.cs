using System.Net;
using System.Net.Http.Json;

namespace Vigil.IntegrationTests;

public sealed class PersonRecordsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Create_ValidRecord_Returns201WithLocationAndReadsBack()
    {
        var client = app.ClientFor("cp.responseofficer");
        var family = Api.UniqueName("Hughes");

        var response = await client.PostAsJsonAsync("/api/v1/person-records", new
        {
            givenName = " Daniel ",
            familyName = family,
            aliases = new[] { "Dan" },
            dateOfBirth = "1991-11-03",
            sex = "M",
            phones = new[] { "+44 (0)7700 900456" },
            emails = new[] { "Dan.Hughes@Example.com" },
            handles = new[] { "@danh" },
            addresses = new[] { new { text = "14 Heol y Bont, Carmarthen", postcode = "sa311ab", kind = "Home", lat = 51.8576, lon = -4.312 } },
        });

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/person-records/{created.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        var read = await client.GetJsonAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Daniel", read.GetProperty("givenName").GetString());
        Assert.Equal("1991-11-03", read.GetProperty("dateOfBirth").GetString());
        Assert.Equal("CP", read.GetProperty("forceCode").GetString());
        Assert.Equal("SA31 1AB", read.GetProperty("addresses")[0].GetProperty("postcode").GetString());
        Assert.Equal("dan.hughes@example.com", read.GetProperty("emails")[0].GetString());
        Assert.False(read.GetProperty("detailWithheld").GetBoolean());
    }

    [Theory]
    [InlineData("name={0}")]
    [InlineData("name=dan%20{0}")]
    [InlineData("name={0}&dateOfBirth=1991")]
    [InlineData("name={0}&dateOfBirth=1991-11")]
    [InlineData("name={0}&phone=%2B44%207700%20900456")]
    public async Task Search_PartialNameDateOrOtherPhoneFormat_FindsTheRecord(string query)
    {
        var client = app.ClientFor("cp.investigator");
        var family = Api.UniqueName("Hughs");
        await client.CreatePersonAsync("Daniel", family, "1991-11-03", "07700900456");

        var count = await client.SearchCountAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, family[..^2].ToLowerInvariant()));

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Search_AccentedName_FoundWithoutAccentAndByOtherForce()
    {
        var family = Api.UniqueName("Prichard");
        await app.ClientFor("cp.responseofficer").CreatePersonAsync("Siân", family, "1994-06-12");

        var fromAnotherForce = app.ClientFor("sv.investigator");

        Assert.Equal(1, await fromAnotherForce.SearchCountAsync($"name=sian%20{family}"));
        Assert.Equal(0, await fromAnotherForce.SearchCountAsync($"name=sian%20{family}&dateOfBirth=1994-07"));
    }

    [Fact]
    public async Task Search_Paging_ReturnsPagesAndTotal()
    {
        var client = app.ClientFor("cp.investigator");
        var family = Api.UniqueName("Pagetest");
        for (var i = 0; i < 5; i++)
        {
            await client.CreatePersonAsync("Person" + i, family);
        }

        var page2 = await client.GetJsonAsync($"/api/v1/person-records?name={family}&page=2&pageSize=2");

        Assert.Equal(5, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("dateOfBirth", "1991-02-30", null)]
    [InlineData("dateOfBirth", "2999-01-01", null)]
    [InlineData("dateOfBirth", "03/11/1991", null)]
    [InlineData("sex", null, "Q")]
    [InlineData("emails[0]", null, null)]
    public async Task Create_InvalidField_400NamesTheFieldAndWritesNothing(string field, string? dob, string? sex)
    {
        var client = app.ClientFor("cp.responseofficer");
        var family = Api.UniqueName("Invalid");

        var response = await client.PostAsJsonAsync("/api/v1/person-records", new
        {
            givenName = "Test",
            familyName = family,
            dateOfBirth = dob,
            sex,
            emails = field == "emails[0]" ? new[] { "not-an-email" } : null,
        });

        Assert.Contains(field, await response.ExpectInvalidAsync());
        Assert.Equal(0, await client.SearchCountAsync($"name={family}"));
    }

    [Fact]
    public async Task Create_NoNameAndOversizedName_BothReported()
    {
        var client = app.ClientFor("cp.responseofficer");

        var empty = await client.PostAsJsonAsync("/api/v1/person-records", new { givenName = " ", familyName = "" });
        var huge = await client.PostAsJsonAsync("/api/v1/person-records", new { givenName = new string('a', 101), familyName = "Long" });

        Assert.Contains("familyName", await empty.ExpectInvalidAsync());
        Assert.Contains("givenName", await huge.ExpectInvalidAsync());
    }

    [Fact]
    public async Task Search_WithoutCriteria_400()
    {
        var errors = await (await app.ClientFor("cp.investigator").GetAsync("/api/v1/person-records")).ExpectInvalidAsync();
        Assert.Contains("name", errors);
    }

    [Fact]
    public async Task Get_UnknownId_404ProblemDetails()
    {
        var problem = await app.ClientFor("cp.investigator").GetJsonAsync("/api/v1/person-records/999999999", HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }
}
