using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.Risk;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>risk-reassessment-due</c>: something new about a victim — an incident, a change to one of the victim's
/// incidents, a breach of an order protecting them, a concern or new information from their advocate — is recorded after the victim's latest completed risk
/// assessment. High when it includes a threat to kill, violence, a weapon, strangulation, or is a breach. The
/// reviews found threats heard on body-worn video and voicemail never added to the assessment.
/// </summary>
public sealed class RiskReassessmentDueRule : IRule
{
    public const string RuleId = "risk-reassessment-due";

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var incidentId in context.Trigger.RecordsOf(AuditEntities.Incident))
        {
            if (await context.IncidentAsync(incidentId, cancellationToken) is not { } incident)
            {
                continue;
            }
            var behaviours = await context.Db.Incidents.Where(i => i.Id == incidentId).Select(i => i.Behaviours).FirstAsync(cancellationToken);
            var serious = behaviours.Where(RiskFacts.Serious.Contains).ToList();
            foreach (var victim in incident.Parties.Where(p => p.Role == PartyRole.Victim))
            {
                await ReportAsync(context, victim, (AlertEvidenceKind.Incident, incidentId), Incident.Reference(incidentId),
                    serious.Count > 0 ? AlertSeverity.High : AlertSeverity.Warning,
                    serious.Count > 0 ? "Alert.RiskReassessmentDue.Serious" : "Alert.RiskReassessmentDue.Incident", AlertText.Codes(serious), cancellationToken);
            }
        }
        foreach (var breachId in context.Trigger.RecordsOf(AuditEntities.Breach))
        {
            var protectedRecords = await context.Db.OrderProtectedPeople
                .Where(p => context.Db.Breaches.Where(b => b.Id == breachId).Select(b => b.OrderId).Contains(p.OrderId))
                .Select(p => p.PersonRecordId).ToListAsync(cancellationToken);
            foreach (var record in protectedRecords)
            {
                var victim = await RiskFacts.PersonAsync(context.Db, record, PartyRole.Victim, cancellationToken);
                await ReportAsync(context, victim, (AlertEvidenceKind.Breach, breachId), Breach.Reference(breachId), AlertSeverity.High,
                    "Alert.RiskReassessmentDue.Breach", "", cancellationToken);
            }
        }
        // What a victim tells their advocate is new information too: the reviews found it never reached the assessment.
        foreach (var noteId in context.Trigger.RecordsOf(AuditEntities.PartnerNote))
        {
            var note = await context.Db.PartnerNotes.Where(n => n.Id == noteId).Select(n => new { n.VictimId, n.CaseId }).FirstOrDefaultAsync(cancellationToken);
            if (note is null)
            {
                continue;
            }
            var victim = await RiskFacts.PersonAsync(context.Db, note.VictimId, PartyRole.Victim, cancellationToken);
            await ReportAsync(context, victim, (AlertEvidenceKind.Case, note.CaseId), Partners.PartnerNote.Reference(noteId), AlertSeverity.Warning,
                "Alert.RiskReassessmentDue.Partner", "", cancellationToken);
        }
    }

    private static async Task ReportAsync(RuleContext context, Identities.Party victim, (AlertEvidenceKind, long) news, string newsReference,
        AlertSeverity severity, string messageKey, string detail, CancellationToken cancellationToken)
    {
        var latest = await RiskFacts.Completed(context.Db).Where(r => victim.RecordIds.Contains(r.VictimId) && r.CompletedAt <= context.Now)
            .OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.ForceId, r.IncidentId, r.CaseId, r.CompletedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return;
        }
        var (team, officer) = await RiskFacts.OwnerAsync(context.Db, latest.IncidentId, latest.CaseId, cancellationToken);
        // One alert per assessment that has gone stale: more news before the reassessment updates it; the
        // reassessment itself starts afresh.
        context.Report(new RuleFinding(
            RuleId,
            severity,
            latest.ForceId,
            $"reassess:{victim.Key}:{latest.Id}",
            [(AlertEvidenceKind.RiskAssessment, latest.Id), news, .. victim.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))],
            messageKey,
            [victim.Reference, RiskAssessment.Reference(latest.Id), newsReference, detail],
            Roles.Investigator,
            team,
            officer));
    }
}
