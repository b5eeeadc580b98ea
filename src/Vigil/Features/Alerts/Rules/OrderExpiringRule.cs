using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>order-expiring</c>: an order in force ends within 14 days (bail within 7) and nothing has been decided — it
/// has not been extended (its end is unchanged) and no replacement order for the subject has been recorded since
/// it started. The reviews found conditions lapsing unnoticed.
/// </summary>
public sealed class OrderExpiringRule : IRule
{
    public const string RuleId = "order-expiring";
    public static readonly RuleThreshold Days = new("days", 14, 1, 90);
    public static readonly RuleThreshold BailDays = new("bailDays", 7, 1, 30);

    public IReadOnlyList<RuleThreshold> Thresholds => [Days, BailDays];

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
            var days = TimeSpan.FromDays(await context.ThresholdAsync(this, Days, force, cancellationToken));
            var bailDays = TimeSpan.FromDays(await context.ThresholdAsync(this, BailDays, force, cancellationToken));
            var lead = days > bailDays ? days : bailDays;
            var least = days < bailDays ? days : bailDays;
            var from = interval.From + least;
            var to = interval.To + lead;
            var ending = await db.Orders.AsNoTracking().Include(o => o.Changes)
                .Where(o => o.ForceId == force && o.Ends != null && o.Ends > from && o.Ends <= to)
                .ToListAsync(cancellationToken);
            foreach (var order in ending)
            {
                var warning = order.Ends!.Value - (order.IsBail || order.OrderType == OrderType.ReleasedUnderInvestigation ? bailDays : days);
                if (!interval.Contains(warning) || !order.InForceAt(warning))
                {
                    continue;
                }
                var subject = await RiskFacts.PersonAsync(db, order.SubjectId, Incidents.PartyRole.Suspect, cancellationToken);
                var replaced = await db.Orders.AnyAsync(o => o.Id != order.Id && subject.RecordIds.Contains(o.SubjectId) && o.RecordedAt > order.RecordedAt && o.RecordedAt <= context.Now, cancellationToken);
                if (replaced)
                {
                    continue;
                }
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    force,
                    $"expiring:{order.Id}",
                    [(AlertEvidenceKind.Order, order.Id), .. subject.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                    "Alert.OrderExpiring",
                    [ProtectiveOrder.Reference(order.Id), subject.Reference, Infrastructure.Web.UkTime.ToLocal(order.Ends.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        Math.Round((order.Ends.Value - warning).TotalDays).ToString(CultureInfo.InvariantCulture)],
                    Roles.Investigator));
            }
        }
    }
}
