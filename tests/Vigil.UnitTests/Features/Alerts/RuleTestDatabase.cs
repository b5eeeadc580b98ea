using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.UnitTests.Features.Alerts;

/// <summary>
/// A small in-memory database with one force, for testing one rule at a time: add people and incidents, then
/// run the rule for a write or a stretch of time and look at what it reports.
/// </summary>
public sealed class RuleTestDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private SqliteConnection _connection = null!;

    public AppDbContext Db { get; private set; } = null!;

    public long ForceId { get; private set; }

    public async Task InitializeAsync()
    {
        _connection = new SqliteConnection("DataSource=:memory:");
        await _connection.OpenAsync();
        Db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options);
        await Db.Database.EnsureCreatedAsync();
        var force = new Force { Code = "AA", Name = "Force A" };
        Db.Forces.Add(force);
        await Db.SaveChangesAsync();
        ForceId = force.Id;
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    public async Task<long> PersonAsync(string given, string family)
    {
        var record = new PersonRecord { ForceId = ForceId, GivenName = given, FamilyName = family, CreatedAt = T0 };
        Db.PersonRecords.Add(record);
        await Db.SaveChangesAsync();
        return record.Id;
    }

    public async Task<long> IncidentAsync(long victim, long suspect, DateTimeOffset at, Behaviour[] behaviours,
        Relationship relationship = Relationship.ExPartner, bool domestic = true, Classification classification = Classification.NonCrimeOther, bool crime = false)
    {
        var incident = new Incident
        {
            ForceId = ForceId, RecordedAt = at, OccurredFrom = at.AddHours(-2), Classification = classification, RecordedAsCrime = crime, Narrative = "As reported.",
            Behaviours = [.. behaviours], Relationship = relationship, Domestic = domestic,
            Parties = [new IncidentParty { PersonRecordId = victim, Role = PartyRole.Victim }, new IncidentParty { PersonRecordId = suspect, Role = PartyRole.Suspect }],
        };
        Db.Incidents.Add(incident);
        await Db.SaveChangesAsync();
        return incident.Id;
    }

    public async Task<IReadOnlyList<RuleFinding>> RunAsync(IRule rule, RuleTrigger trigger, DateTimeOffset now)
    {
        var context = new RuleContext(Db, now, trigger);
        await rule.EvaluateAsync(context, CancellationToken.None);
        return context.Findings;
    }
}
