using Microsoft.EntityFrameworkCore;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.VictimCare;

/// <summary>
/// The victims of an incident or a case: the victim parties of the incident (of every incident of the case) and
/// the case's own victim. A contact agreement or a contact recorded against a case must be with one of them — an
/// agreement filed against the wrong person leaves the real victim without one while the case looks covered.
/// </summary>
public static class CaseVictims
{
    /// <summary>The victims' person records, for an incident or for a case.</summary>
    public static IQueryable<long> Of(AppDbContext db, long? incidentId, long? caseId)
    {
        var incidents = incidentId is { } i
            ? db.Incidents.Where(x => x.Id == i).Select(x => x.Id)
            : db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId);
        var parties = db.IncidentParties.Where(p => p.Role == PartyRole.Victim && incidents.Contains(p.IncidentId)).Select(p => p.PersonRecordId);
        return caseId is { } c2
            ? parties.Union(db.Cases.Where(c => c.Id == c2 && c.VictimId != null).Select(c => c.VictimId!.Value))
            : parties;
    }

    /// <summary>
    /// Adds a "victimId" error unless <paramref name="victimId"/> is one of the target's victim records. Another record
    /// of the same resolved person is not enough: resolution can be wrong, and a record about a victim must name the
    /// record the case holds, which the pages offer.
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, long victimId, RecordTarget target, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (await Of(db, target.IncidentId, target.CaseId).ContainsAsync(victimId, cancellationToken))
        {
            return;
        }
        var on = target.IncidentId is { } incident ? Incident.Reference(incident) : Case.Reference(target.CaseId!.Value);
        errors.Add("victimId", "VictimCare.Error.NotVictim", PersonRecord.Reference(victimId), on);
    }
}
