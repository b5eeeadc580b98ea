using Microsoft.EntityFrameworkCore;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>specialist-allocation</c>: a stalking case that force policy says belongs with a specialist team — one that
/// is not domestic, or whose incidents span forces — is allocated to a team not flagged as specialist. The
/// reviews found stalking cases held by response officers contrary to policy. (High risk joins the reasons when
/// risk assessments are recorded.) An incident not yet in any case counts as a case.
/// </summary>
public sealed class SpecialistAllocationRule : IRule
{
    public const string RuleId = "specialist-allocation";

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var caseId in context.Trigger.Cases)
        {
            var c = await db.Cases.Where(x => x.Id == caseId)
                .Select(x => new { x.Id, x.ForceId, x.TeamId, Specialist = x.Team == null ? (bool?)null : x.Team.Specialist, TeamName = x.Team == null ? null : x.Team.Name, x.OfficerName })
                .FirstOrDefaultAsync(cancellationToken);
            if (c?.Specialist is not false)
            {
                continue;
            }
            var incidents = await db.CaseIncidents.Where(ci => ci.CaseId == caseId)
                .Select(ci => new { ci.IncidentId, ci.Incident!.ForceId, ci.Incident.Domestic, ci.Incident.Classification, ci.Incident.IncludedClassifications })
                .ToListAsync(cancellationToken);
            var offence = await db.OffenceDecisions.Where(d => d.CaseId == caseId).OrderByDescending(d => d.Id).Select(d => (Classification?)d.Offence).FirstOrDefaultAsync(cancellationToken);
            var stalking = offence is { } o ? Classifications.Stalking.Contains(o)
                : incidents.Any(i => Classifications.Stalking.Contains(i.Classification) || i.IncludedClassifications.Any(Classifications.Stalking.Contains));
            var nonDomestic = incidents.Count > 0 && incidents.All(i => !i.Domestic);
            var crossForce = incidents.Select(i => i.ForceId).Distinct().Count() > 1;
            if (!stalking || !(nonDomestic || crossForce))
            {
                continue;
            }
            context.Report(new RuleFinding(
                RuleId, DefaultSeverity, c.ForceId, $"case:{c.Id}",
                [(AlertEvidenceKind.Case, c.Id), .. incidents.Select(i => (AlertEvidenceKind.Incident, i.IncidentId))],
                nonDomestic ? "Alert.SpecialistAllocation.NonDomestic" : "Alert.SpecialistAllocation.CrossForce",
                [Case.Reference(c.Id), c.TeamName ?? ""],
                Roles.Supervisor, c.TeamId, c.OfficerName));
        }
        foreach (var incidentId in context.Trigger.IncidentIds)
        {
            var i = await db.Incidents.Where(x => x.Id == incidentId && !db.CaseIncidents.Any(ci => ci.IncidentId == x.Id))
                .Select(x => new { x.Id, x.ForceId, x.TeamId, x.Domestic, x.Classification, x.IncludedClassifications, x.Officer, Specialist = x.Team == null ? (bool?)null : x.Team.Specialist, TeamName = x.Team == null ? null : x.Team.Name })
                .FirstOrDefaultAsync(cancellationToken);
            if (i is null || i.Specialist is not false || i.Domestic
                || !(Classifications.Stalking.Contains(i.Classification) || i.IncludedClassifications.Any(Classifications.Stalking.Contains)))
            {
                continue;
            }
            context.Report(new RuleFinding(
                RuleId, DefaultSeverity, i.ForceId, $"incident:{i.Id}",
                [(AlertEvidenceKind.Incident, i.Id)],
                "Alert.SpecialistAllocation.NonDomestic",
                [Incident.Reference(i.Id), i.TeamName ?? ""],
                Roles.Supervisor, i.TeamId, i.Officer));
        }
    }
}
