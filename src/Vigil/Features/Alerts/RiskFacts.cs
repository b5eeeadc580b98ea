using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Alerts;

/// <summary>What the risk rules share: completed assessments, who owns the work, and victims as resolved people.</summary>
internal static class RiskFacts
{
    /// <summary>Assessments that count: completed ones. A draft is work in progress, never an assessment done.</summary>
    public static IQueryable<RiskAssessment> Completed(AppDbContext db) =>
        db.RiskAssessments.Where(r => r.Status == RiskAssessmentStatus.Complete && r.CompletedAt != null);

    /// <summary>Behaviours that make a risk picture serious on their own: threats to kill, violence, weapons, strangulation.</summary>
    public static readonly IReadOnlySet<Behaviour> Serious = new HashSet<Behaviour>
    {
        Behaviour.ThreatToKill, Behaviour.Violence, Behaviour.Weapon, Behaviour.Strangulation,
    };

    /// <summary>Relationships in which abuse is domestic abuse (personally connected).</summary>
    /// <remarks>An array of nullable values so queries can use it as it is (<c>Domestic.Contains(i.Relationship)</c>).</remarks>
    public static readonly Relationship?[] Domestic = [Relationship.Partner, Relationship.ExPartner, Relationship.Family];

    /// <summary>The team and officer holding an incident or case: who is asked to act.</summary>
    public static async Task<(long? TeamId, string? Officer)> OwnerAsync(AppDbContext db, long? incidentId, long? caseId, CancellationToken cancellationToken)
    {
        if (caseId is { } c)
        {
            var holder = await db.Cases.Where(x => x.Id == c).Select(x => new { x.TeamId, x.OfficerName }).FirstOrDefaultAsync(cancellationToken);
            return (holder?.TeamId, holder?.OfficerName);
        }
        var incident = await db.Incidents.Where(x => x.Id == incidentId).Select(x => new { x.TeamId, x.Officer }).FirstOrDefaultAsync(cancellationToken);
        return (incident?.TeamId, incident?.Officer);
    }

    /// <summary>A person record as the resolved person: its key, reference and every record of it.</summary>
    public static async Task<Identities.Party> PersonAsync(AppDbContext db, long recordId, PartyRole role, CancellationToken cancellationToken)
    {
        var personId = await db.PersonRecords.Where(r => r.Id == recordId).Select(r => r.PersonId).FirstOrDefaultAsync(cancellationToken);
        if (personId is not { } person)
        {
            return new Identities.Party(role, $"P{recordId}", PersonRecord.Reference(recordId), [recordId]);
        }
        var records = await db.PersonRecords.Where(r => r.PersonId == person).Select(r => r.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        return new Identities.Party(role, $"PN{person}", Person.Reference(person), records);
    }
}
