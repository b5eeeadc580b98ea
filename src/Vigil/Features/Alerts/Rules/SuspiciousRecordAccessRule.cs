using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>suspicious-record-access</c>: a user reads one person's records more than 20 times in 24 hours, or reads a
/// victim's records with no part in any of her cases or incidents and no recorded purpose. Officers have used
/// police systems to stalk; the audit log sees every read, and this rule asks professional standards — only them:
/// the officer being watched must not learn of it from their own inbox.
/// </summary>
public sealed class SuspiciousRecordAccessRule : IRule
{
    public const string RuleId = AlertVisibility.ProfessionalStandardsRule;
    public static readonly RuleThreshold MaximumReadsPerDay = new("maximumReadsPerDay", 20, 5, 1_000);

    public IReadOnlyList<RuleThreshold> Thresholds => [MaximumReadsPerDay];
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var read in context.Trigger.Reads)
        {
            var personId = read.EntityType == AuditEntities.Person
                ? read.EntityId
                : await db.PersonRecords.Where(r => r.Id == read.EntityId).Select(r => r.PersonId).FirstOrDefaultAsync(cancellationToken);
            var records = personId is long p
                ? await db.PersonRecords.Where(r => r.PersonId == p).Select(r => r.Id).ToListAsync(cancellationToken)
                : [read.EntityId];
            var reader = await db.Users.Where(u => u.Id == read.UserId).Select(u => new { u.ForceId, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
            if (reader?.ForceId is not long forceId)
            {
                continue;
            }
            var subject = personId is long pid ? Person.Reference(pid) : PersonRecord.Reference(read.EntityId);
            var recordKeys = records.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList();
            var personKey = personId?.ToString(CultureInfo.InvariantCulture);
            var since = context.Now - Day;
            var reads = await db.AuditEvents.CountAsync(a => a.UserId == read.UserId && a.At >= since
                && (a.Action == AuditActions.Read || a.Action == AuditActions.ReadWithPurpose)
                && ((a.EntityType == AuditEntities.PersonRecord && recordKeys.Contains(a.EntityId!)) || (a.EntityType == AuditEntities.Person && a.EntityId == personKey)), cancellationToken);
            var evidence = records.Select(r => (AlertEvidenceKind.PersonRecord, r)).ToList();
            if (reads > await context.ThresholdAsync(this, MaximumReadsPerDay, forceId, cancellationToken))
            {
                context.Report(new RuleFinding(RuleId, DefaultSeverity, forceId, $"reads:{read.UserId}:{subject}", evidence,
                    "Alert.SuspiciousRecordAccess.Many", [reader.DisplayName, subject, reads.ToString(CultureInfo.InvariantCulture)], Roles.ProfessionalStandards));
            }
            if (read.Purpose is not null)
            {
                continue;
            }
            var victimIncidents = await db.IncidentParties.Where(x => x.Role == PartyRole.Victim && records.Contains(x.PersonRecordId))
                .Select(x => x.IncidentId).Distinct().ToListAsync(cancellationToken);
            if (victimIncidents.Count == 0)
            {
                continue;
            }
            // A part in her cases or incidents: recorded one of them, or holds or held one of the cases they are in.
            var involved = await db.Incidents.AnyAsync(i => victimIncidents.Contains(i.Id) && i.RecordedByUserId == read.UserId, cancellationToken)
                || await db.CaseAllocations.AnyAsync(a => a.OfficerUserId == read.UserId && db.CaseIncidents.Any(ci => ci.CaseId == a.CaseId && victimIncidents.Contains(ci.IncidentId)), cancellationToken);
            if (involved)
            {
                continue;
            }
            context.Report(new RuleFinding(RuleId, DefaultSeverity, forceId, $"norole:{read.UserId}:{subject}", evidence,
                "Alert.SuspiciousRecordAccess.NoRole", [reader.DisplayName, subject], Roles.ProfessionalStandards));
        }
    }
}
