
namespace Vigil.IntegrationTests;

public sealed class AuditTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ReadsAndWrites_AreAudited_WithUserRoleAndForce()
    {
        var client = app.ClientFor("cp.investigator");
        var person = await client.CreatePersonAsync("Audit", Api.UniqueName("Person"));

        await client.GetJsonAsync($"/api/v1/person-records/{person}");
        await client.GetJsonAsync($"/api/v1/person-records/{person}");

        var events = await app.AuditEventsForAsync("PersonRecord", person);
        Assert.Equal("Create", events[0].Action);
        // The create response carries the record back, so it is a read too: three in all.
        Assert.Equal(3, events.Count(e => e.Action == "Read"));
        Assert.All(events, e =>
        {
            Assert.Equal("demo-cp.investigator", e.UserId);
            Assert.Equal("CP", e.ForceCode);
            Assert.Equal("Investigator", e.Role);
        });
    }

    [Fact]
    public async Task Chain_IntactAfterUse_TamperingDetectedAtTheAlteredEvent()
    {
        var client = app.ClientFor("cp.investigator");
        var victim = await client.CreatePersonAsync("Chain", Api.UniqueName("Victim"));
        var suspect = await client.CreatePersonAsync("Chain", Api.UniqueName("Suspect"));
        var incident = await client.RecordIncidentAsync(victim, suspect);
        await client.GetJsonAsync($"/api/v1/incidents/{incident}");
        await client.OpenCaseAsync([incident], victim, suspect);
        await client.GetJsonAsync("/api/v1/person-records?name=chain");

        var intact = await app.VerifyAuditAsync();
        Assert.True(intact.Intact, intact.Problem);
        Assert.True(intact.EventsChecked >= 7);

        var target = (await app.AuditEventsForAsync("Incident", incident)).First();
        await app.TamperWithAuditEventAsync(target.Sequence, "nothing to see here");

        var broken = await app.VerifyAuditAsync();
        Assert.False(broken.Intact);
        Assert.Equal(target.Sequence, broken.FirstBrokenSequence);
    }
}
