using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.IntegrationTests;

/// <summary>Intent helpers over the JSON API, so tests read as what a client does.</summary>
public static class Api
{
    private static int _counter;

    /// <summary>A name no other test uses, so searches find only this test's records.</summary>
    public static string UniqueName(string stem) => $"{stem}{(char)('a' + Interlocked.Increment(ref _counter) % 26)}{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and shows the body when it is wrong.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The field names in a 400 ValidationProblem's errors.</summary>
    public static async Task<IReadOnlyList<string>> ExpectInvalidAsync(this HttpResponseMessage response)
    {
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    public static async Task<long> CreatePersonAsync(this HttpClient client, string given, string family, string? dob = null, string? phone = null, string? email = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/person-records", new
        {
            givenName = given,
            familyName = family,
            dateOfBirth = dob,
            sex = "U",
            phones = phone is null ? null : new[] { phone },
            emails = email is null ? null : new[] { email },
            addresses = new[] { new { text = "1 Test Street, Carmarthen", postcode = "sa311ab", kind = "Home" } },
        });
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    public static object Incident(long victimId, long suspectId, string classification = "StalkingS2A", DateTimeOffset? occurredFrom = null, string[]? included = null) => new
    {
        occurredFrom = occurredFrom ?? AppFactory.Start.AddDays(-2),
        classification,
        includedClassifications = included,
        narrative = "He waited outside her work and followed her to the bus stop.",
        behaviours = new[] { "Following", "TurningUpAtWork" },
        channels = new[] { "InPerson" },
        relationship = "ExPartner",
        domestic = true,
        impact = new { fearOfViolence = true, seriousAlarmOrDistress = true, changedRoutine = false },
        location = new { text = "Bus station, Carmarthen" },
        parties = new object[] { new { personRecordId = victimId, role = "Victim" }, new { personRecordId = suspectId, role = "Suspect" } },
    };

    public static async Task<long> RecordIncidentAsync(this HttpClient client, object incident)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", incident);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    public static async Task<long> RecordIncidentAsync(this HttpClient client, long victimId, long suspectId, string classification = "StalkingS2A") =>
        await client.RecordIncidentAsync(Incident(victimId, suspectId, classification));

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).ExpectAsync(expected);

    public static async Task<int> SearchCountAsync(this HttpClient client, string query) =>
        (await client.GetJsonAsync("/api/v1/person-records?" + query)).GetProperty("total").GetInt32();

    public static async Task<(long Id, string Version)> OpenCaseAsync(this HttpClient client, long[] incidentIds, long? victimId = null, long? suspectId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { incidentIds, victimPersonRecordId = victimId, suspectPersonRecordId = suspectId });
        var id = (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var view = await client.GetJsonAsync($"/api/v1/cases/{id}");
        return (id, view.GetProperty("version").GetString()!);
    }

    public static HttpRequestMessage WithPurpose(HttpMethod method, string url, string purpose)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Vigil-Purpose", purpose);
        return request;
    }
}
