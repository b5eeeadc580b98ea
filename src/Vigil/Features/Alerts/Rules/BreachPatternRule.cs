using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>breach-pattern</c>: a subject's breaches seen together — two or more (of any orders, bail included)
/// affecting the same protected person within 30 days, or a breach by someone who has breached any order before.
/// Critical at three or more in 30 days. The reviews found breaches treated one by one ("this is the first breach")
/// while the pattern was stalking. Raised in the force holding the order, in the force managing the subject, and in
/// the force that recorded the breach, when those are others.
/// </summary>
public sealed class BreachPatternRule : IRule
{
    public const string RuleId = "breach-pattern";
    public static readonly RuleThreshold WindowDays = new("windowDays", 30, 7, 365);
    public static readonly RuleThreshold CriticalBreaches = new("criticalBreaches", 3, 2, 20);

    public IReadOnlyList<RuleThreshold> Thresholds => [WindowDays, CriticalBreaches];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var breachId in context.Trigger.RecordsOf(AuditEntities.Breach).Distinct())
        {
            var breach = await db.Breaches.AsNoTracking().Include(b => b.Order).ThenInclude(o => o!.Protected).FirstOrDefaultAsync(b => b.Id == breachId, cancellationToken);
            if (breach?.Order is not { } order)
            {
                continue;
            }
            var (subject, protectedPeople) = await OrderFacts.PeopleAsync(db, order, cancellationToken);
            // Every breach by the subject (any record of the person, any order, any force) with whom each protected.
            var all = await db.Breaches.AsNoTracking()
                .Where(b => subject.RecordIds.Contains(b.Order!.SubjectId))
                .Select(b => new { b.Id, b.OrderId, b.OccurredAt, b.RecordedAt, Protected = db.OrderProtectedPeople.Where(p => p.OrderId == b.OrderId).Select(p => p.PersonRecordId).ToList() })
                .ToListAsync(cancellationToken);
            var window = TimeSpan.FromDays(await context.ThresholdAsync(this, WindowDays, order.ForceId, cancellationToken));
            var critical = await context.ThresholdAsync(this, CriticalBreaches, order.ForceId, cancellationToken);

            var close = all.Where(b => (b.OccurredAt - breach.OccurredAt).Duration() <= window
                    && protectedPeople.Any(p => b.Protected.Any(p.RecordIds.Contains)))
                .OrderBy(b => b.OccurredAt).ToList();
            var earlier = all.Where(b => b.Id != breach.Id && (b.OccurredAt < breach.OccurredAt || b.RecordedAt < breach.RecordedAt)).ToList();
            if (close.Count < 2 && earlier.Count == 0)
            {
                continue;
            }
            var used = close.Count >= 2 ? close.Select(b => (b.Id, b.OrderId)) : earlier.Append(all.First(b => b.Id == breach.Id)).Select(b => (b.Id, b.OrderId));
            var evidence = used.SelectMany(b => new[] { (AlertEvidenceKind.Breach, b.Id), (AlertEvidenceKind.Order, b.OrderId) })
                .Concat(subject.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))).ToList();
            var severity = close.Count >= critical ? AlertSeverity.Critical : DefaultSeverity;
            var message = close.Count >= 2 ? "Alert.BreachPattern.Window" : "Alert.BreachPattern.Repeat";
            var arguments = new List<string>
            {
                subject.Reference,
                (close.Count >= 2 ? close.Count : earlier.Count + 1).ToString(CultureInfo.InvariantCulture),
                window.TotalDays.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", used.Select(b => Breach.Reference(b.Id)).Distinct()),
                string.Join(", ", protectedPeople.Select(p => p.Reference)),
            };
            foreach (var force in new[] { order.ForceId, order.ManagedBy, breach.ForceId }.Distinct())
            {
                context.Report(new RuleFinding(RuleId, severity, force, $"breaches:{subject.Key}", evidence, message, arguments, Roles.Investigator));
            }
        }
    }
}
