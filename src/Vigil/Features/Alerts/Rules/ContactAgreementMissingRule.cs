using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>contact-agreement-missing</c>: two days after a stalking or harassment case was recorded — an incident
/// that is one (see <see cref="IsStalkingOrHarassment"/>), or a case decided as an offence of the stalking and
/// harassment group — a victim of it has no contact agreement on it: how and how often they will be kept
/// informed, and how to reach them safely. The reviews found none in 13 of 29 sampled cases.
/// </summary>
public sealed class ContactAgreementMissingRule : IRule
{
    public const string RuleId = "contact-agreement-missing";
    public static readonly RuleThreshold Days = new("days", 2, 1, 30);

    /// <summary>Offences that are a course of conduct by definition: the classification alone makes the case one.</summary>
    private static readonly IReadOnlySet<Classification> CourseOfConductOffences = new HashSet<Classification>(
        Classifications.StalkingOrHarassment.Except([Classification.MaliciousCommunications, Classification.CommunicationsAct]));

    public IReadOnlyList<RuleThreshold> Thresholds => [Days];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    /// <summary>
    /// Whether an incident is a stalking or harassment case for victim care. Stalking and harassment offences are;
    /// so is anything else — malicious communications, a communications offence, a "non-crime" — when it shows
    /// stalking behaviours (s2A(3): contacting, following, loitering, turning up…) and either hurt the victim
    /// (fear of violence, serious alarm or distress, a changed routine) or come from a partner, ex-partner or
    /// family member. That is how the reviews found stalking hidden: an ex-partner's 200 messages recorded as
    /// malicious communications is stalking for the victim whatever the crime record says ("think stalking"),
    /// while a sales company's repeated calls, with no harm and no relationship, is not.
    /// </summary>
    public static bool IsStalkingOrHarassment(Classification classification, IEnumerable<Classification> included, IEnumerable<Behaviour> behaviours,
        Relationship? relationship, Impact impact)
    {
        if (CourseOfConductOffences.Contains(classification) || included.Any(CourseOfConductOffences.Contains))
        {
            return true;
        }
        if (!behaviours.Any(Behaviours.Stalking.Contains))
        {
            return false;
        }
        var harmed = impact.FearOfViolence || impact.SeriousAlarmOrDistress || impact.ChangedRoutine;
        return harmed || RiskFacts.Domestic.Contains(relationship);
    }

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        var group = Classifications.StalkingOrHarassment.ToArray();
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var days = TimeSpan.FromDays(await context.ThresholdAsync(this, Days, force, cancellationToken));
            var from = interval.From - days;
            var to = interval.To - days;
            var recorded = await db.Incidents.AsNoTracking().Where(i => i.ForceId == force && i.RecordedAt > from && i.RecordedAt <= to)
                .Select(i => new { i.Id, i.Classification, i.IncludedClassifications, i.Behaviours, i.Relationship, i.Impact })
                .ToListAsync(cancellationToken);
            var candidates = recorded.Where(i => IsStalkingOrHarassment(i.Classification, i.IncludedClassifications, i.Behaviours, i.Relationship, i.Impact))
                .Select(i => i.Id).ToList();
            // A case decided as stalking or harassment later is one from then: its incidents are looked at again.
            candidates.AddRange(await db.OffenceDecisions.Where(d => d.DecidedAt > from && d.DecidedAt <= to && group.Contains(d.Offence) && db.Cases.Any(c => c.Id == d.CaseId && c.ForceId == force))
                .SelectMany(d => db.CaseIncidents.Where(c => c.CaseId == d.CaseId).Select(c => c.IncidentId)).ToListAsync(cancellationToken));
            foreach (var incidentId in candidates.Distinct())
            {
                await CheckIncidentAsync(context, force, incidentId, days, cancellationToken);
            }
        }
    }

    private async Task CheckIncidentAsync(RuleContext context, long force, long incidentId, TimeSpan days, CancellationToken cancellationToken)
    {
        var db = context.Db;
        if (await context.IncidentAsync(incidentId, cancellationToken) is not { } incident)
        {
            return;
        }
        var cases = await db.CaseIncidents.Where(c => c.IncidentId == incidentId && db.Cases.Any(x => x.Id == c.CaseId && x.ForceId == force))
            .Select(c => c.CaseId).OrderBy(c => c).ToListAsync(cancellationToken);
        // An agreement on the incident, on a case holding it, or on another incident of that case covers it.
        var related = await db.CaseIncidents.Where(c => cases.Contains(c.CaseId)).Select(c => c.IncidentId).ToListAsync(cancellationToken);
        related.Add(incidentId);
        foreach (var victim in incident.Parties.Where(p => p.Role == PartyRole.Victim))
        {
            var agreed = await db.ContactAgreements.AnyAsync(a => a.ForceId == force && victim.RecordIds.Contains(a.VictimId) && a.RecordedAt <= context.Now
                && ((a.IncidentId != null && related.Contains(a.IncidentId.Value)) || (a.CaseId != null && cases.Contains(a.CaseId.Value))), cancellationToken);
            if (agreed)
            {
                continue;
            }
            // One alert per victim and case (or incident with no case), however many of its incidents fall due.
            var on = cases.Count > 0 ? Case.Reference(cases[0]) : Incident.Reference(incidentId);
            var (team, officer) = await RiskFacts.OwnerAsync(db, cases.Count > 0 ? null : incidentId, cases.Count > 0 ? cases[0] : null, cancellationToken);
            context.Report(new RuleFinding(
                RuleId,
                DefaultSeverity,
                force,
                $"contact-agreement:{victim.Key}:{on}",
                [(AlertEvidenceKind.Incident, incidentId), .. cases.Select(c => (AlertEvidenceKind.Case, c)), .. victim.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                "VictimCare.Alert.AgreementMissing",
                [victim.Reference, on, days.TotalDays.ToString(CultureInfo.InvariantCulture)],
                Roles.Investigator,
                team ?? incident.TeamId,
                officer ?? incident.Officer));
        }
    }
}
