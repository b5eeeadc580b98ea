using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>breach-not-actioned</c>: four hours after a breach was recorded nobody has decided what to do — its action
/// is undecided, or "no action" without a reason. "A breach is a breach": the reviews found breaches of bail left
/// without any response. Raised in the force holding the order, wherever the breach was reported.
/// </summary>
public sealed class BreachNotActionedRule : IRule
{
    public const string RuleId = "breach-not-actioned";
    public static readonly RuleThreshold Hours = new("hours", 4, 1, 72);

    public IReadOnlyList<RuleThreshold> Thresholds => [Hours];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        foreach (var force in await context.Db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var hours = TimeSpan.FromHours(await context.ThresholdAsync(this, Hours, force, cancellationToken));
            var from = interval.From - hours;
            var to = interval.To - hours;
            var due = await context.Db.Breaches.AsNoTracking().Include(b => b.Order)
                .Where(b => b.Order!.ForceId == force && b.RecordedAt > from && b.RecordedAt <= to)
                .ToListAsync(cancellationToken);
            foreach (var breach in due.Where(b => !b.Actioned))
            {
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    force,
                    $"breach:{breach.Id}",
                    [(AlertEvidenceKind.Breach, breach.Id), (AlertEvidenceKind.Order, breach.OrderId), (AlertEvidenceKind.PersonRecord, breach.Order!.SubjectId)],
                    breach.Action == BreachAction.None ? "Alert.BreachNotActioned.NoReason" : "Alert.BreachNotActioned",
                    [Breach.Reference(breach.Id), ProtectiveOrder.Reference(breach.OrderId), hours.TotalHours.ToString(CultureInfo.InvariantCulture)],
                    Roles.Investigator));
            }
        }
    }
}
