using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>requirement-overdue</c>: a positive requirement of an order in force (a programme, device access, the SPO
/// duty to notify name and address within three days of service) reached its due date with no record that it was
/// met, or was recorded as not met. Raised in the force managing the subject. The reviews found orders "nobody
/// monitored"; failing to notify is itself an offence (domain reference §3.1). Not in the shared catalogue: it
/// carries out issue 6's "positive requirements with due dates and compliance records".
/// </summary>
public sealed class RequirementOverdueRule : IRule
{
    public const string RuleId = "requirement-overdue";

    private static readonly ConditionType[] Positive = [ConditionType.Programme, ConditionType.DeviceAccess, ConditionType.Notify];

    public IReadOnlyList<RuleThreshold> Thresholds => [];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var recordId in context.Trigger.RecordsOf(AuditEntities.RequirementCompliance).Distinct())
        {
            var record = await db.RequirementCompliance.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken);
            if (record?.Outcome == ComplianceOutcome.NotMet && await LoadAsync(db.Orders.Where(o => o.Id == record.OrderId), cancellationToken) is [var order])
            {
                await ReportAsync(context, order, record.ConditionId, cancellationToken);
            }
        }
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        // Orders in force with a positive requirement; their due dates depend on service, so they are worked out here.
        var candidates = await LoadAsync(db.Orders.Where(o => (o.Status == OrderStatus.Granted || o.Status == OrderStatus.Served)
            && o.Conditions.Any(c => c.RemovedAt == null && Positive.Contains(c.Type))), cancellationToken);
        foreach (var order in candidates)
        {
            foreach (var condition in order.CurrentConditions.Where(c => c.IsPositiveRequirement))
            {
                if (OrderRequirements.DueAt(order, condition) is { } due && interval.Contains(due) && order.InForceAt(due))
                {
                    await ReportAsync(context, order, condition.Id, cancellationToken);
                }
            }
        }
    }

    private static Task<List<ProtectiveOrder>> LoadAsync(IQueryable<ProtectiveOrder> orders, CancellationToken cancellationToken) =>
        orders.AsNoTracking().AsSplitQuery().Include(o => o.Conditions).Include(o => o.Changes).ToListAsync(cancellationToken);

    private async Task ReportAsync(RuleContext context, ProtectiveOrder order, long conditionId, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var records = await db.RequirementCompliance.AsNoTracking().Where(r => r.ConditionId == conditionId).ToListAsync(cancellationToken);
        var status = OrderRequirements.Of(order, records, context.Now).FirstOrDefault(r => r.Condition.Id == conditionId);
        if (status is null || status.State is not (RequirementState.Overdue or RequirementState.NotMet))
        {
            return;
        }
        var subject = await RiskFacts.PersonAsync(db, order.SubjectId, Incidents.PartyRole.Suspect, cancellationToken);
        var severity = status.State == RequirementState.NotMet ? AlertSeverity.High : DefaultSeverity;
        context.Report(new RuleFinding(
            RuleId,
            severity,
            order.ManagedBy,
            $"requirement:{conditionId}",
            [(AlertEvidenceKind.Order, order.Id), .. subject.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
            status.State == RequirementState.NotMet ? "Alert.RequirementOverdue.NotMet" : "Alert.RequirementOverdue",
            [ProtectiveOrder.Reference(order.Id), status.Number.ToString(CultureInfo.InvariantCulture), status.Condition.Type.ToString(), subject.Reference,
                status.DueAt is { } due ? Infrastructure.Web.UkTime.ToLocal(due).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : ""],
            Roles.OffenderManager));
    }
}
