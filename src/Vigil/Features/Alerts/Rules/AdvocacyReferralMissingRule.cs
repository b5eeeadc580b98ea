using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Considerations;
using Vigil.Features.Incidents;
using Vigil.Features.Referrals;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>advocacy-referral-missing</c>: three days after a stalking case was recorded — an incident classified as
/// stalking, or a case decided as stalking — its victim has no referral to, or recorded offer of, a specialist
/// advocate (ISAC or IDVA), and no decision about one. A support service received one or two police referrals a
/// year while forces recorded thousands of stalking crimes.
/// </summary>
public sealed class AdvocacyReferralMissingRule : IRule
{
    public const string RuleId = "advocacy-referral-missing";
    public static readonly RuleThreshold Days = new("days", 3, 1, 30);

    private static readonly ReferralTarget[] Advocates = [ReferralTarget.ISAC, ReferralTarget.IDVA];

    public IReadOnlyList<RuleThreshold> Thresholds => [Days];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        var stalking = Classifications.Stalking.ToArray();
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var days = TimeSpan.FromDays(await context.ThresholdAsync(this, Days, force, cancellationToken));
            var from = interval.From - days;
            var to = interval.To - days;
            var incidents = await db.Incidents.Where(i => i.ForceId == force && i.RecordedAt > from && i.RecordedAt <= to && stalking.Contains(i.Classification))
                .Select(i => new { i.Id, Case = (long?)null }).ToListAsync(cancellationToken);
            var decided = await db.OffenceDecisions.Where(d => d.DecidedAt > from && d.DecidedAt <= to && stalking.Contains(d.Offence) && db.Cases.Any(c => c.Id == d.CaseId && c.ForceId == force))
                .SelectMany(d => db.CaseIncidents.Where(c => c.CaseId == d.CaseId).Select(c => new { Id = c.IncidentId, Case = (long?)c.CaseId }))
                .ToListAsync(cancellationToken);
            foreach (var crime in incidents.Concat(decided))
            {
                if (await context.IncidentAsync(crime.Id, cancellationToken) is not { } incident)
                {
                    continue;
                }
                var cases = db.CaseIncidents.Where(c => c.IncidentId == crime.Id).Select(c => c.CaseId);
                var decidedOn = await db.Considerations.AnyAsync(c => c.What == ConsiderationKind.AdvocacyReferral
                    && ((c.IncidentId != null && c.IncidentId == crime.Id) || (c.CaseId != null && cases.Contains(c.CaseId.Value))), cancellationToken);
                if (decidedOn)
                {
                    continue;
                }
                foreach (var victim in incident.Parties.Where(p => p.Role == PartyRole.Victim))
                {
                    var since = incident.RecordedAt.AddDays(-365);
                    if (await db.Referrals.AnyAsync(r => Advocates.Contains(r.To) && victim.RecordIds.Contains(r.PersonRecordId) && r.RecordedAt >= since && r.RecordedAt <= context.Now, cancellationToken))
                    {
                        continue;
                    }
                    context.Report(new RuleFinding(
                        RuleId,
                        DefaultSeverity,
                        force,
                        $"advocacy:{victim.Key}",
                        [(AlertEvidenceKind.Incident, crime.Id), .. victim.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                        "Alert.AdvocacyReferralMissing",
                        [victim.Reference, Incident.Reference(crime.Id), days.TotalDays.ToString(CultureInfo.InvariantCulture)],
                        Roles.Investigator,
                        incident.TeamId,
                        incident.Officer));
                }
            }
        }
    }
}
