using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Offences;

public sealed record VictimChoice(long PersonRecordId, string Name, string Reference);

/// <summary>
/// The victims an impact evidence form on a case offers: the case's victim and every victim of its incidents, so
/// an account is recorded against the person it came from. The case itself has been read (and audited) already.
/// </summary>
public sealed class ImpactEvidenceChoices(AppDbContext db)
{
    public async Task<IReadOnlyList<VictimChoice>> VictimsAsync(long caseId, CancellationToken cancellationToken)
    {
        var incidents = db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId);
        var caseVictim = db.Cases.Where(c => c.Id == caseId && c.VictimId != null).Select(c => c.VictimId!.Value);
        var ids = await db.IncidentParties.Where(p => p.Role == PartyRole.Victim && incidents.Contains(p.IncidentId)).Select(p => p.PersonRecordId)
            .Union(caseVictim).ToListAsync(cancellationToken);
        var people = await db.PersonRecords.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return [.. people.Select(p => new VictimChoice(p.Id, p.FullName, PersonRecord.Reference(p.Id)))];
    }
}
