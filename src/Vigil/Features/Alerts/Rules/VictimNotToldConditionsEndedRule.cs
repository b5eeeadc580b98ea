using Microsoft.EntityFrameworkCore;
using Vigil.Features.Orders;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>victim-not-told-conditions-ended</c>: bail conditions or an order ended — bail released under
/// investigation, an order ended or discharged, or its end date passed — and one working day later no contact
/// telling a protected person is recorded. The reviews found victims learning from others that their stalker had
/// been released without conditions.
/// </summary>
public sealed class VictimNotToldConditionsEndedRule : IRule
{
    public const string RuleId = "victim-not-told-conditions-ended";
    public static readonly RuleThreshold WorkingDays = new("workingDays", 1, 1, 10);

    private static readonly VictimInformed[] Told = [VictimInformed.BailConditionsEnded, VictimInformed.OrderEnded, VictimInformed.NFA];

    public IReadOnlyList<RuleThreshold> Thresholds => [WorkingDays];

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
            var workingDays = await context.ThresholdAsync(this, WorkingDays, force, cancellationToken);
            // A working day after a Friday evening is Monday evening: look back far enough to catch it.
            var earliest = interval.From.AddDays(-(workingDays + 3));
            var orders = await db.Orders.AsNoTracking().Include(o => o.Changes).Include(o => o.Protected)
                .Where(o => o.ForceId == force && o.RecordedAt <= interval.To
                    && ((o.Ends != null && o.Ends > earliest && o.Ends <= interval.To)
                        || o.Changes.Any(c => c.At > earliest && c.At <= interval.To
                            && (c.Status == OrderStatus.Ended || c.Status == OrderStatus.Discharged || c.OrderType == OrderType.ReleasedUnderInvestigation))))
                .ToListAsync(cancellationToken);
            foreach (var order in orders)
            {
                if (EndedAt(order) is not { } ended)
                {
                    continue;
                }
                var deadline = OrderFacts.AddWorkingDays(ended, workingDays);
                if (!interval.Contains(deadline))
                {
                    continue;
                }
                var (subject, protectedPeople) = await OrderFacts.PeopleAsync(db, order, cancellationToken);
                var records = protectedPeople.SelectMany(p => p.RecordIds).ToList();
                // Told on the day it ended or after (a call the evening before "bail ends tomorrow" counts too).
                var since = ended.AddDays(-1);
                var contacts = await db.VictimContacts.AsNoTracking().Where(c => records.Contains(c.VictimId) && c.RecordedAt >= since && c.RecordedAt <= deadline)
                    .Select(c => c.Informs).ToListAsync(cancellationToken);
                if (records.Count == 0 || contacts.Any(informs => informs.Any(Told.Contains)))
                {
                    continue;
                }
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    force,
                    $"conditions-ended:{order.Id}",
                    [(AlertEvidenceKind.Order, order.Id), .. records.Select(r => (AlertEvidenceKind.PersonRecord, r)), (AlertEvidenceKind.PersonRecord, order.SubjectId)],
                    order.IsBail || order.OrderType == OrderType.ReleasedUnderInvestigation ? "Alert.VictimNotTold.Bail" : "Alert.VictimNotTold.Order",
                    [ProtectiveOrder.Reference(order.Id), subject.Reference, string.Join(", ", protectedPeople.Select(p => p.Reference))],
                    Roles.Investigator));
            }
        }
    }

    /// <summary>
    /// When its conditions ended: the first change that ended it (ended, discharged, or bail turned into release
    /// under investigation), or its end date if it was still in force then.
    /// </summary>
    private static DateTimeOffset? EndedAt(ProtectiveOrder order)
    {
        var change = order.Changes.Where(c => c.Status is OrderStatus.Ended or OrderStatus.Discharged || c.OrderType == OrderType.ReleasedUnderInvestigation)
            .OrderBy(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefault();
        var expired = order.Ends is { } ends && order.InForceAt(ends.AddTicks(-1)) ? order.Ends : null;
        return change is { } c && (expired is null || c <= expired) ? c : expired;
    }
}
