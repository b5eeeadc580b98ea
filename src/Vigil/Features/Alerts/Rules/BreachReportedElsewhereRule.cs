using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>breach-reported-elsewhere</c>: a breach recorded by one force of an order another force holds — the force
/// managing the subject, and the force that applied when that is a third — is told at once. The reviews asked for a
/// way of "detecting and managing breaches across force areas"; a breach reported in a neighbouring force was
/// otherwise invisible to the officers managing the order. Not in the shared catalogue: it carries out issue 6's
/// "the managing force is alerted to breaches reported elsewhere".
/// </summary>
public sealed class BreachReportedElsewhereRule : IRule
{
    public const string RuleId = "breach-reported-elsewhere";

    public IReadOnlyList<RuleThreshold> Thresholds => [];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var breachId in context.Trigger.RecordsOf(AuditEntities.Breach).Distinct())
        {
            var breach = await db.Breaches.AsNoTracking().Include(b => b.Order).Include(b => b.Force).FirstOrDefaultAsync(b => b.Id == breachId, cancellationToken);
            if (breach?.Order is not { } order)
            {
                continue;
            }
            var subject = await RiskFacts.PersonAsync(db, order.SubjectId, Incidents.PartyRole.Suspect, cancellationToken);
            foreach (var force in new[] { order.ManagedBy, order.ForceId }.Distinct().Where(f => f != breach.ForceId))
            {
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    force,
                    $"breach-elsewhere:{breach.Id}",
                    [(AlertEvidenceKind.Breach, breach.Id), (AlertEvidenceKind.Order, order.Id), .. subject.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                    "Alert.BreachReportedElsewhere",
                    [Breach.Reference(breach.Id), ProtectiveOrder.Reference(order.Id), subject.Reference, breach.Force?.Name ?? "",
                        Infrastructure.Web.UkTime.ToLocal(breach.OccurredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
                    force == order.ManagedBy ? Roles.OffenderManager : Roles.Investigator));
            }
        }
    }
}
