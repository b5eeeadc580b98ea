using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Orders;

/// <summary>Where a positive requirement stands at an instant.</summary>
public enum RequirementState
{
    /// <summary>No due date: the order gives none and the law sets none.</summary>
    Open,
    Due,
    Overdue,
    Met,
    NotMet,
}

/// <summary>A positive requirement of an order with its due date, the latest compliance record and its state.</summary>
public sealed record RequirementStatus(OrderCondition Condition, int Number, DateTimeOffset? DueAt, RequirementCompliance? Latest, RequirementState State);

/// <summary>
/// Positive requirements (a programme, device access, notification of name and address) have due dates and
/// compliance records: an order nobody monitors protects nobody. An SPO or interim SPO subject must notify name and
/// address within three days of service (Stalking Protection Act 2019 s9, domain reference §3.1), so a notification
/// condition on one falls due then even when the order gives no date.
/// </summary>
public static class OrderRequirements
{
    public const int SpoNotifyDays = 3;

    /// <summary>When the requirement falls due: the date the order gives, else the SPO notification duty from service.</summary>
    public static DateTimeOffset? DueAt(ProtectiveOrder order, OrderCondition condition)
    {
        if (condition.DueAt is { } due)
        {
            return due;
        }
        if (condition.Type == ConditionType.Notify && order.OrderType is OrderType.SPO or OrderType.InterimSPO
            && (order.FirstAt(OrderStatus.Served) ?? order.FirstAt(OrderStatus.Granted)) is { } served)
        {
            // A condition added after service runs from when it was added.
            return (served > condition.AddedAt ? served : condition.AddedAt).AddDays(SpoNotifyDays);
        }
        return null;
    }

    /// <summary>The current positive requirements with their state at <paramref name="now"/> (changes must be loaded).</summary>
    public static IReadOnlyList<RequirementStatus> Of(ProtectiveOrder order, IEnumerable<RequirementCompliance> records, DateTimeOffset now)
    {
        var byCondition = records.Where(r => r.RecordedAt <= now).GroupBy(r => r.ConditionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.At).ThenBy(r => r.Id).Last());
        return [.. order.CurrentConditions.Select((c, i) => (Condition: c, Number: i + 1)).Where(c => c.Condition.IsPositiveRequirement).Select(c =>
        {
            var due = DueAt(order, c.Condition);
            var latest = byCondition.GetValueOrDefault(c.Condition.Id);
            var state = latest?.Outcome switch
            {
                ComplianceOutcome.Met => RequirementState.Met,
                ComplianceOutcome.NotMet => RequirementState.NotMet,
                _ when due is null => RequirementState.Open,
                _ when due <= now => RequirementState.Overdue,
                _ => RequirementState.Due,
            };
            return new RequirementStatus(c.Condition, c.Number, due, latest, state);
        })];
    }
}

/// <summary>
/// Records whether the subject met a positive requirement. The force managing the subject records it (or the
/// force that applied, when they are the same): that is the force the subject reports to.
/// </summary>
public sealed class RecordComplianceHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, Alerts.AlertEngine alerts)
{
    public async Task<Outcome<RecordCreated>> HandleAsync(long orderId, RecordComplianceRequest request, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Conditions).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new NotFound();
        }
        if (!order.IsHeldBy(user.ForceId) || user.ForceId is not long forceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var errors = new ValidationErrors();
        OrderCondition? condition = null;
        if (request.ConditionId is not { } conditionId)
        {
            errors.Add("conditionId", "Error.Compliance.ConditionRequired");
        }
        else
        {
            condition = order.CurrentConditions.FirstOrDefault(c => c.Id == conditionId);
            if (condition is null)
            {
                errors.Add("conditionId", "Error.Compliance.ConditionUnknown", ProtectiveOrder.Reference(order.Id));
            }
            else if (!condition.IsPositiveRequirement)
            {
                errors.Add("conditionId", "Error.Compliance.NotRequirement");
            }
        }
        var outcome = CaseRecordInput.Required<ComplianceOutcome>(request.Outcome, "outcome", errors);
        var note = CaseRecordInput.Text(request.Note, OrderLimits.Description, "note", errors);
        var now = time.GetUtcNow();
        if (request.At is { } at && at > now)
        {
            errors.Add("at", "Error.Compliance.InFuture");
        }
        if (!errors.Has("outcome") && outcome == ComplianceOutcome.NotMet && note is null && !errors.Has("note"))
        {
            // "Not met" starts enforcement: say what was missed.
            errors.Add("note", "Error.Compliance.NoteRequired");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var record = new RequirementCompliance
        {
            OrderId = order.Id,
            ConditionId = condition!.Id,
            ForceId = forceId,
            Outcome = outcome,
            At = request.At?.ToUniversalTime() ?? now,
            Note = note,
            ByName = user.DisplayName,
            RecordedAt = now,
            RecordedByUserId = user.UserId,
        };
        db.RequirementCompliance.Add(record);
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Create, AuditEntities.RequirementCompliance, record.Id, detail: $"{ProtectiveOrder.Reference(order.Id)} {outcome}");
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(Alerts.RuleTrigger.ForRecord(AuditEntities.RequirementCompliance, record.Id), ct);
            return new RecordCreated(record.Id, RequirementCompliance.Reference(record.Id));
        }, cancellationToken);
    }
}
