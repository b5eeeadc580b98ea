using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>unsafe-advice</c>: advice recorded for a victim tells them to block or unfriend the stalker, change number,
/// leave social media, move home, change job or routine, reply to or meet the stalker, delete messages, or asks why
/// they did or did not do something (<see cref="AdviceCheck"/>). The reviews found victims told to block their
/// stalker or leave social media: they lose the evidence and the stalker may come looking for them in person.
/// </summary>
public sealed class UnsafeAdviceRule : IRule
{
    public const string RuleId = "unsafe-advice";

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var ids = context.Trigger.RecordsOf(AuditEntities.Advice).ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var db = context.Db;
        var advice = await db.Advice.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        foreach (var given in advice)
        {
            var concerns = AdviceCheck.Check(given.Text);
            if (concerns.Count == 0)
            {
                continue;
            }
            var victim = await RiskFacts.PersonAsync(db, given.VictimId, PartyRole.Victim, cancellationToken);
            var (teamId, officer) = given.CaseId is not null || given.IncidentId is not null
                ? await RiskFacts.OwnerAsync(db, given.IncidentId, given.CaseId, cancellationToken)
                : await LatestOwnerAsync(context, victim.RecordIds, cancellationToken);
            List<(AlertEvidenceKind, long)> evidence = [.. victim.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))];
            if (given.CaseId is { } caseId)
            {
                evidence.Add((AlertEvidenceKind.Case, caseId));
            }
            if (given.IncidentId is { } incidentId)
            {
                evidence.Add((AlertEvidenceKind.Incident, incidentId));
            }
            context.Report(new RuleFinding(
                RuleId,
                DefaultSeverity,
                given.ForceId,
                $"advice:{given.Id}",
                evidence,
                "Alert.UnsafeAdvice",
                [VictimCareApi.AdviceReference(given.Id), victim.Reference, AlertText.Codes(concerns.Select(c => c.Kind).Distinct()),
                    string.Join(" … ", concerns.Select(c => c.Quote).Distinct())],
                Roles.Supervisor,
                teamId,
                officer));
        }
    }

    /// <summary>
    /// Advice recorded about the victim alone goes to whoever holds her most recent incident in the force: the
    /// officer who gave it, usually, and their supervisor sees it.
    /// </summary>
    private static async Task<(long? TeamId, string? Officer)> LatestOwnerAsync(RuleContext context, IReadOnlyList<long> victimRecords, CancellationToken cancellationToken)
    {
        var incident = await context.Db.IncidentParties.Where(p => p.Role == PartyRole.Victim && victimRecords.Contains(p.PersonRecordId))
            .Select(p => p.IncidentId).OrderByDescending(i => i).FirstOrDefaultAsync(cancellationToken);
        if (incident == 0)
        {
            return (null, null);
        }
        var cases = await context.Db.CaseIncidents.Where(c => c.IncidentId == incident).Select(c => (long?)c.CaseId).FirstOrDefaultAsync(cancellationToken);
        return await RiskFacts.OwnerAsync(context.Db, cases is null ? incident : null, cases, cancellationToken);
    }
}
