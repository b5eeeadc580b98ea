using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Evidence;
using Vigil.Features.Incidents;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>evidence-at-risk</c>: CCTV will be overwritten within 3 days and is not secured; or a phone download for a
/// high-risk case (its latest completed risk assessment graded High) is expected more than 14 days after it was
/// requested. The reviews found CCTV lost because nobody secured it in time, and phone downloads taking 180 days.
/// CCTV is looked at when evidence is written and when time passes its warning point; downloads when evidence or a
/// risk assessment is written — so each is raised once, not again after it is resolved.
/// </summary>
public sealed class EvidenceAtRiskRule : IRule
{
    public const string RuleId = "evidence-at-risk";
    public static readonly RuleThreshold CctvDays = new("cctvDays", 3, 1, 30);
    public static readonly RuleThreshold DownloadDays = new("downloadDays", 14, 1, 180);

    private static readonly EvidenceStatus[] Outstanding = [EvidenceStatus.Available, EvidenceStatus.Requested];

    public IReadOnlyList<RuleThreshold> Thresholds => [CctvDays, DownloadDays];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var written = context.Trigger.RecordsOf(AuditEntities.Evidence).ToList();
        var items = await db.EvidenceItems.AsNoTracking().Where(e => written.Contains(e.Id) && Outstanding.Contains(e.Status)).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            await CheckCctvAsync(context, item, interval: null, cancellationToken);
            await CheckDownloadAsync(context, item, cancellationToken);
        }
        var assessments = context.Trigger.RecordsOf(AuditEntities.RiskAssessment).ToList();
        if (assessments.Count > 0)
        {
            foreach (var item in await DownloadsForAssessmentsAsync(db, assessments, cancellationToken))
            {
                await CheckDownloadAsync(context, item, cancellationToken);
            }
        }
        if (context.Trigger.TimePassed is { } passed)
        {
            foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
            {
                var days = TimeSpan.FromDays(await context.ThresholdAsync(this, CctvDays, force, cancellationToken));
                var from = passed.From + days;
                var to = passed.To + days;
                var due = await db.EvidenceItems.AsNoTracking()
                    .Where(e => e.ForceId == force && e.Kind == EvidenceKind.CCTV && Outstanding.Contains(e.Status) && e.AvailableUntil > from && e.AvailableUntil <= to)
                    .ToListAsync(cancellationToken);
                foreach (var item in due)
                {
                    await CheckCctvAsync(context, item, passed, cancellationToken);
                }
            }
        }
    }

    private async Task CheckCctvAsync(RuleContext context, EvidenceItem item, TimeInterval? interval, CancellationToken cancellationToken)
    {
        if (item.Kind != EvidenceKind.CCTV || item.AvailableUntil is not { } until)
        {
            return;
        }
        var days = await context.ThresholdAsync(this, CctvDays, item.ForceId, cancellationToken);
        // When time passes, the item's warning point fell in the interval; when it is written, it is already inside.
        var at = interval?.To ?? context.Now;
        var warning = until - TimeSpan.FromDays(days);
        // Recorded already inside its warning period, it was raised (or not) when written: the clock leaves it alone.
        if (warning > at || (interval is not null && item.RecordedAt >= warning))
        {
            return;
        }
        var related = await RelatedAsync(context.Db, item, cancellationToken);
        if (await SettledAsync(context.Db, item, related, at, cancellationToken))
        {
            return;
        }
        await ReportAsync(context, item, "Alert.EvidenceAtRisk.Cctv",
            [EvidenceApi.Reference(item.Id), Target(item), until.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), days.ToString(CultureInfo.InvariantCulture)],
            cancellationToken);
    }

    private async Task CheckDownloadAsync(RuleContext context, EvidenceItem item, CancellationToken cancellationToken)
    {
        if (item.Kind != EvidenceKind.PhoneDownload || item.Status != EvidenceStatus.Requested || item.ExpectedBy is not { } expected)
        {
            return;
        }
        var requested = item.RequestedAt ?? item.RecordedAt;
        var days = await context.ThresholdAsync(this, DownloadDays, item.ForceId, cancellationToken);
        var wait = (expected - requested).TotalDays;
        if (wait <= days)
        {
            return;
        }
        var related = await RelatedAsync(context.Db, item, cancellationToken);
        if (await SettledAsync(context.Db, item, related, context.Now, cancellationToken) || !await HighRiskAsync(context.Db, related, cancellationToken))
        {
            return;
        }
        await ReportAsync(context, item, "Alert.EvidenceAtRisk.Download",
            [EvidenceApi.Reference(item.Id), Target(item), expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Math.Ceiling(wait).ToString(CultureInfo.InvariantCulture), days.ToString(CultureInfo.InvariantCulture)],
            cancellationToken);
    }

    private async Task ReportAsync(RuleContext context, EvidenceItem item, string messageKey, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (teamId, officer) = await RiskFacts.OwnerAsync(context.Db, item.IncidentId, item.CaseId, cancellationToken);
        context.Report(new RuleFinding(
            RuleId,
            DefaultSeverity,
            item.ForceId,
            $"evidence:{item.Id}",
            [item.CaseId is { } c ? (AlertEvidenceKind.Case, c) : (AlertEvidenceKind.Incident, item.IncidentId!.Value)],
            messageKey,
            arguments,
            Roles.Investigator,
            teamId,
            officer));
    }

    private static string Target(EvidenceItem item) => item.CaseId is { } c ? Case.Reference(c) : Incident.Reference(item.IncidentId!.Value);

    /// <summary>The incidents and cases an item belongs with: its own, its case's incidents, or the cases holding its incident.</summary>
    private static async Task<(List<long> Incidents, List<long> Cases)> RelatedAsync(AppDbContext db, EvidenceItem item, CancellationToken cancellationToken)
    {
        if (item.CaseId is { } caseId)
        {
            return (await db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId).ToListAsync(cancellationToken), [caseId]);
        }
        var incidentId = item.IncidentId!.Value;
        return ([incidentId], await db.CaseIncidents.Where(c => c.IncidentId == incidentId).Select(c => c.CaseId).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Whether the item has since been secured or written off: a timeline records a later state as a new record of
    /// the same kind on the same incident or case (the page changes the item itself). Items described differently
    /// are different footage or phones.
    /// </summary>
    private static Task<bool> SettledAsync(AppDbContext db, EvidenceItem item, (List<long> Incidents, List<long> Cases) related, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.EvidenceItems.AnyAsync(e => e.Id != item.Id && e.Kind == item.Kind && e.RecordedAt >= item.RecordedAt && e.RecordedAt <= at
            && (e.Status == EvidenceStatus.Secured || e.Status == EvidenceStatus.Lost)
            && (e.Description == null || item.Description == null || e.Description == item.Description)
            && ((e.IncidentId != null && related.Incidents.Contains(e.IncidentId.Value)) || (e.CaseId != null && related.Cases.Contains(e.CaseId.Value))),
            cancellationToken);

    /// <summary>Whether the latest completed risk assessment on the item's incidents or cases is graded (or reviewed to) High.</summary>
    private static async Task<bool> HighRiskAsync(AppDbContext db, (List<long> Incidents, List<long> Cases) related, CancellationToken cancellationToken)
    {
        var latest = await RiskFacts.Completed(db).AsNoTracking().Include(r => r.Reviews)
            .Where(r => (r.IncidentId != null && related.Incidents.Contains(r.IncidentId.Value)) || (r.CaseId != null && related.Cases.Contains(r.CaseId.Value)))
            .OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return latest?.EffectiveGrade == RiskGrade.High;
    }

    /// <summary>Phone downloads still awaited on the incidents and cases of assessments just written.</summary>
    private static async Task<List<EvidenceItem>> DownloadsForAssessmentsAsync(AppDbContext db, List<long> assessmentIds, CancellationToken cancellationToken)
    {
        var targets = await db.RiskAssessments.Where(r => assessmentIds.Contains(r.Id)).Select(r => new { r.IncidentId, r.CaseId }).ToListAsync(cancellationToken);
        var incidents = new HashSet<long>();
        var cases = new HashSet<long>();
        foreach (var t in targets)
        {
            if (t.CaseId is { } c)
            {
                cases.Add(c);
                incidents.UnionWith(await db.CaseIncidents.Where(x => x.CaseId == c).Select(x => x.IncidentId).ToListAsync(cancellationToken));
            }
            if (t.IncidentId is { } i)
            {
                incidents.Add(i);
                cases.UnionWith(await db.CaseIncidents.Where(x => x.IncidentId == i).Select(x => x.CaseId).ToListAsync(cancellationToken));
            }
        }
        return await db.EvidenceItems.AsNoTracking()
            .Where(e => e.Kind == EvidenceKind.PhoneDownload && e.Status == EvidenceStatus.Requested
                && ((e.IncidentId != null && incidents.Contains(e.IncidentId.Value)) || (e.CaseId != null && cases.Contains(e.CaseId.Value))))
            .ToListAsync(cancellationToken);
    }
}
