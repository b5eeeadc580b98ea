using Microsoft.EntityFrameworkCore;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>order-review-due</c>: an order lasting more than a year (or with no end) has gone six months without a
/// review with the victim's views. The reviews found long orders never looked at again.
/// </summary>
public sealed class OrderReviewDueRule : IRule
{
    public const string RuleId = "order-review-due";
    public static readonly RuleThreshold Months = new("months", 6, 1, 24);

    public IReadOnlyList<RuleThreshold> Thresholds => [Months];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Info;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        var inForce = OrderFacts.InForce;
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var months = await context.ThresholdAsync(this, Months, force, cancellationToken);
            var orders = await db.Orders.AsNoTracking().Include(o => o.Changes).Include(o => o.Reviews)
                .Where(o => o.ForceId == force && inForce.Contains(o.Status) && (o.Ends == null || o.Ends > interval.From))
                .ToListAsync(cancellationToken);
            foreach (var order in orders)
            {
                var starts = order.Starts ?? order.RecordedAt;
                if (order.Ends is { } ends && ends - starts <= TimeSpan.FromDays(365))
                {
                    continue;
                }
                var since = order.Reviews.Select(r => r.ReviewedAt).Append(starts).Max();
                var due = since.AddMonths(months);
                if (!interval.Contains(due) || !order.InForceAt(due))
                {
                    continue;
                }
                var subject = await RiskFacts.PersonAsync(db, order.SubjectId, Incidents.PartyRole.Suspect, cancellationToken);
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    force,
                    $"review:{order.Id}",
                    [(AlertEvidenceKind.Order, order.Id), .. subject.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                    "Alert.OrderReviewDue",
                    [ProtectiveOrder.Reference(order.Id), subject.Reference, months.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                    Roles.CivilOrdersOfficer));
            }
        }
    }
}
