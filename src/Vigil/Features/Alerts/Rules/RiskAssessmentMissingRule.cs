using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>risk-assessment-missing</c>: an incident with a stalking behaviour, a stalking or harassment
/// classification, or a course of conduct between its victim and suspect, still has no risk assessment a day after
/// it was recorded. The reviews found victims of non-domestic stalking never risk-assessed at all. A victim
/// already assessed is not "missing" an assessment: new incidents after it are <c>risk-reassessment-due</c>.
/// </summary>
public sealed class RiskAssessmentMissingRule : IRule
{
    public const string RuleId = "risk-assessment-missing";
    public static readonly RuleThreshold Hours = new("hours", 24, 1, 168);

    public IReadOnlyList<RuleThreshold> Thresholds => [Hours];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var hours = TimeSpan.FromHours(await context.ThresholdAsync(this, Hours, force, cancellationToken));
            // The incidents whose deadline (recorded + hours) fell in the interval that just passed.
            var from = interval.From - hours;
            var to = interval.To - hours;
            var due = await db.Incidents.Where(i => i.ForceId == force && i.RecordedAt > from && i.RecordedAt <= to)
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Classification, i.IncludedClassifications, i.Behaviours })
                .ToListAsync(cancellationToken);
            foreach (var row in due)
            {
                if (await context.IncidentAsync(row.Id, cancellationToken) is not { } incident)
                {
                    continue;
                }
                var victims = incident.Parties.Where(p => p.Role == PartyRole.Victim).ToList();
                var behaviours = row.Behaviours.Where(Behaviours.Stalking.Contains).ToList();
                var classified = row.IncludedClassifications.Append(row.Classification).Any(Classifications.StalkingOrHarassment.Contains);
                if (behaviours.Count == 0 && !classified && !await CourseOfConductAsync(context, incident, cancellationToken))
                {
                    continue;
                }
                var victimRecords = victims.SelectMany(v => v.RecordIds).ToList();
                var cases = db.CaseIncidents.Where(c => c.IncidentId == row.Id).Select(c => c.CaseId);
                var assessed = await RiskFacts.Completed(db).AnyAsync(r =>
                    victimRecords.Contains(r.VictimId) || r.IncidentId == row.Id || (r.CaseId != null && cases.Contains(r.CaseId.Value)), cancellationToken);
                if (assessed)
                {
                    continue;
                }
                var why = classified ? "Alert.RiskAssessmentMissing.Classified" : behaviours.Count > 0 ? "Alert.RiskAssessmentMissing.Behaviours" : "Alert.RiskAssessmentMissing.CourseOfConduct";
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    incident.ForceId,
                    $"incident:{incident.Id}",
                    [(AlertEvidenceKind.Incident, incident.Id), .. victimRecords.Select(id => (AlertEvidenceKind.PersonRecord, id))],
                    why,
                    [Incident.Reference(incident.Id), hours.TotalHours.ToString(CultureInfo.InvariantCulture),
                        victims.Count == 0 ? "-" : string.Join(", ", victims.Select(v => v.Reference)),
                        AlertText.Codes(row.IncludedClassifications.Append(row.Classification).Distinct()), AlertText.Codes(behaviours)],
                    Roles.Investigator,
                    incident.TeamId,
                    incident.Officer));
            }
        }
    }

    /// <summary>Whether a victim and a suspect of the incident appear together in another incident too.</summary>
    private static async Task<bool> CourseOfConductAsync(RuleContext context, Identities.IncidentFacts incident, CancellationToken cancellationToken)
    {
        foreach (var victim in incident.Parties.Where(p => p.Role == PartyRole.Victim))
        {
            foreach (var suspect in incident.Parties.Where(p => p.Role == PartyRole.Suspect && p.Key != victim.Key))
            {
                var together = await context.Db.Incidents.WithParty(context.Db, victim.RecordIds, PartyRole.Victim)
                    .WithParty(context.Db, suspect.RecordIds, PartyRole.Suspect).Take(2).CountAsync(cancellationToken);
                if (together >= 2)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
