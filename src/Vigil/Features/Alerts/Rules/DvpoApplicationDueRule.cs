using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>dvpo-application-due</c>: a domestic violence protection notice was served and no DVPO hearing is on record
/// a day later (warning) or at 40 hours (critical): the hearing must be within 48 hours of service or the
/// protection lapses (domain reference §3.2).
/// </summary>
public sealed class DvpoApplicationDueRule : IRule
{
    public const string RuleId = "dvpo-application-due";
    public static readonly RuleThreshold WarningHours = new("warningHours", 24, 1, 47);
    public static readonly RuleThreshold CriticalHours = new("criticalHours", 40, 2, 47);

    public IReadOnlyList<RuleThreshold> Thresholds => [WarningHours, CriticalHours];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var steps = new[]
            {
                (Hours: TimeSpan.FromHours(await context.ThresholdAsync(this, WarningHours, force, cancellationToken)), Severity: AlertSeverity.Warning),
                (Hours: TimeSpan.FromHours(await context.ThresholdAsync(this, CriticalHours, force, cancellationToken)), Severity: AlertSeverity.Critical),
            };
            var earliest = interval.From - steps.Max(s => s.Hours);
            var notices = await db.Orders.AsNoTracking().Include(o => o.Changes)
                .Where(o => o.ForceId == force && o.OrderType == OrderType.DVPN && o.RecordedAt <= interval.To
                    && (o.RecordedAt > earliest || o.Changes.Any(c => c.At > earliest)))
                .ToListAsync(cancellationToken);
            foreach (var notice in notices)
            {
                if (notice.FirstAt(OrderStatus.Served) is not { } served)
                {
                    continue;
                }
                foreach (var (hours, severity) in steps.Where(s => interval.Contains(served + s.Hours)))
                {
                    var subject = await RiskFacts.PersonAsync(db, notice.SubjectId, Incidents.PartyRole.Suspect, cancellationToken);
                    var deadline = served + hours;
                    if (await db.Orders.AnyAsync(o => o.OrderType == OrderType.DVPO && subject.RecordIds.Contains(o.SubjectId) && o.RecordedAt <= deadline, cancellationToken))
                    {
                        continue;
                    }
                    context.Report(new RuleFinding(
                        RuleId,
                        severity,
                        force,
                        $"dvpo:{notice.Id}",
                        [(AlertEvidenceKind.Order, notice.Id), .. subject.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                        "Alert.DvpoApplicationDue",
                        [ProtectiveOrder.Reference(notice.Id), subject.Reference, hours.TotalHours.ToString(CultureInfo.InvariantCulture)],
                        Roles.Supervisor));
                }
            }
        }
    }
}
