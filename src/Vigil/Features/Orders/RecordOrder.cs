using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Orders;

/// <summary>
/// Records a protective order or bail on a subject, for the people it protects, held by the user's force. Its
/// first change row marks the start of its life; later changes add rows.
/// </summary>
public sealed class RecordOrderHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordOrderRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordOrderRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        var type = CaseRecordInput.Required<OrderType>(request.OrderType, "orderType", errors);
        var status = CaseRecordInput.Required<OrderStatus>(request.Status, "status", errors);
        await RecordTarget.CheckPersonAsync(db, request.SubjectId, "subjectId", errors, cancellationToken);
        var protectedIds = (request.ProtectedIds ?? []).Distinct().ToList();
        if (protectedIds.Count > OrderLimits.Protected)
        {
            errors.Add("protectedIds", "Error.List.TooMany", OrderLimits.Protected);
        }
        else
        {
            var found = await db.PersonRecords.Where(p => protectedIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < protectedIds.Count; i++)
            {
                if (!found.Contains(protectedIds[i]))
                {
                    errors.Add($"protectedIds[{i}]", "Error.Target.PersonUnknown", protectedIds[i]);
                }
                else if (protectedIds[i] == request.SubjectId)
                {
                    errors.Add($"protectedIds[{i}]", "Error.Order.SubjectProtected");
                }
            }
        }
        if (request.Starts is { } starts && request.Ends is { } ends && ends < starts)
        {
            errors.Add("ends", "Error.Order.EndsBeforeStarts");
        }
        var now = writer.Now;
        var conditions = OrderInput.Conditions(request.Conditions, now, errors);
        var address = CaseRecordInput.Text(request.Address, OrderLimits.Address, "address", errors);
        var managingForce = await OrderInput.ManagingForceAsync(db, request.ManagingForce, forceId, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var order = new ProtectiveOrder
        {
            ForceId = forceId,
            ManagingForceId = managingForce,
            OrderType = type,
            SubjectId = request.SubjectId!.Value,
            Status = status,
            Starts = request.Starts?.ToUniversalTime(),
            Ends = request.Ends?.ToUniversalTime(),
            Address = address,
            RecordedAt = now,
            RecordedByUserId = writer.UserId,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
            Protected = [.. protectedIds.Select(id => new OrderProtectedPerson { PersonRecordId = id })],
            Conditions = conditions,
            Changes = [new OrderChange { At = now, Status = status, OrderType = type, Ends = request.Ends?.ToUniversalTime(), ConditionsReplaced = conditions.Count > 0, ByUserId = writer.UserId }],
        };
        return await writer.SaveAsync(order, AuditEntities.Order, o => o.Id, ProtectiveOrder.Reference, CaseRecordWriter.NoIncidents, cancellationToken);
    }
}

/// <summary>
/// Changes an order's status, end, type (bail becoming released under investigation) or conditions. Only the
/// force holding the order changes it; replaced conditions are ended, not deleted, so breaches keep their meaning.
/// </summary>
public sealed class UpdateOrderHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, Alerts.AlertEngine alerts)
{
    public async Task<Outcome<RecordCreated>> HandleAsync(long id, UpdateOrderRequest request, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Conditions).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return new NotFound();
        }
        if (order.ForceId != user.ForceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var errors = new ValidationErrors();
        if (!Guid.TryParse(request.Version, out var version))
        {
            errors.Add("version", "Error.Version.Required");
        }
        var status = CaseRecordInput.Optional<OrderStatus>(request.Status, "status", errors);
        var type = CaseRecordInput.Optional<OrderType>(request.OrderType, "orderType", errors);
        var now = time.GetUtcNow();
        var conditions = request.Conditions is null ? null : OrderInput.Conditions(request.Conditions, now, errors);
        var managingForce = await OrderInput.ManagingForceAsync(db, request.ManagingForce, order.ForceId, errors, cancellationToken);
        var moves = request.ManagingForce is not null && managingForce != order.ManagingForceId && !errors.Has("managingForce");
        if (status is null && type is null && request.Ends is null && conditions is null && !moves && !errors.Any)
        {
            errors.Add("status", "Error.Order.NothingToChange");
        }
        if (request.Ends is { } ends && order.Starts is { } starts && ends < starts)
        {
            errors.Add("ends", "Error.Order.EndsBeforeStarts");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (order.Version != version)
        {
            return new Conflict("Error.Version.Stale");
        }
        order.Status = status ?? order.Status;
        order.OrderType = type ?? order.OrderType;
        order.Ends = request.Ends?.ToUniversalTime() ?? order.Ends;
        var managedBefore = order.ManagedBy;
        if (moves)
        {
            order.ManagingForceId = managingForce;
        }
        if (conditions is not null)
        {
            foreach (var old in order.Conditions.Where(c => c.RemovedAt is null))
            {
                old.RemovedAt = now;
            }
            order.Conditions.AddRange(conditions);
        }
        order.UpdatedAt = now;
        order.Version = Guid.NewGuid();
        db.OrderChanges.Add(new OrderChange
        {
            OrderId = order.Id,
            At = now,
            Status = status,
            OrderType = type,
            Ends = request.Ends?.ToUniversalTime(),
            ConditionsReplaced = conditions is not null,
            ByUserId = user.UserId,
        });
        try
        {
            return await db.RunAsync<RecordCreated>(async ct =>
            {
                audit.Add(AuditActions.Update, AuditEntities.Order, order.Id,
                    detail: moves ? $"managing force {managedBefore} -> {order.ManagedBy}" : null);
                await db.SaveChangesAsync(ct);
                await alerts.RunAsync(Alerts.RuleTrigger.ForRecord(AuditEntities.Order, order.Id), ct);
                return new RecordCreated(order.Id, ProtectiveOrder.Reference(order.Id));
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Error.Version.Stale");
        }
    }
}

/// <summary>
/// Records a breach of an order or of bail. Any force may record one: breaches happen where the subject goes,
/// not where the order was made. The action decision may come later; a rule asks for it.
/// </summary>
public sealed class RecordBreachHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordBreachRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordBreachRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        ProtectiveOrder? order = null;
        if (request.OrderId is not { } orderId)
        {
            errors.Add("orderId", "Error.Breach.OrderRequired");
        }
        else
        {
            order = await db.Orders.Include(o => o.Conditions).Include(o => o.Changes).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is null)
            {
                errors.Add("orderId", "Error.Breach.OrderUnknown", orderId);
            }
        }
        long? conditionId = null;
        if (request.Condition is { } index && order is not null)
        {
            var current = order.CurrentConditions;
            if (index < 0 || index >= current.Count)
            {
                errors.Add("condition", "Error.Breach.ConditionIndex", current.Count);
            }
            else
            {
                conditionId = current[index].Id;
            }
        }
        await RecordTarget.CheckPersonAsync(db, request.ReportedById, "reportedById", errors, cancellationToken, required: false);
        var now = writer.Now;
        if (request.OccurredAt is { } occurred && occurred > now)
        {
            errors.Add("occurredAt", "Error.Breach.InFuture");
        }
        // A breach is of an order in force when it happened: granted or served, started and not ended.
        if (order is not null && !errors.Has("occurredAt") && !order.InForceAt(request.OccurredAt?.ToUniversalTime() ?? now))
        {
            errors.Add("occurredAt", "Error.Breach.NotInForce", ProtectiveOrder.Reference(order.Id));
        }
        var description = CaseRecordInput.Text(request.Description, OrderLimits.Description, "description", errors);
        CaseRecordInput.Location(request.Location, "location", errors);
        var action = CaseRecordInput.Optional<BreachAction>(request.Action, "action", errors);
        var rationale = CaseRecordInput.Text(request.Rationale, OrderLimits.Description, "rationale", errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var breach = new Breach
        {
            OrderId = order!.Id,
            ForceId = forceId,
            ConditionId = conditionId,
            OccurredAt = request.OccurredAt?.ToUniversalTime() ?? now,
            ReportedById = request.ReportedById,
            Description = description,
            LocationText = string.IsNullOrWhiteSpace(request.Location?.Text) ? null : request.Location.Text.Trim(),
            Latitude = request.Location?.Lat,
            Longitude = request.Location?.Lon,
            Action = action,
            Rationale = rationale,
            RecordedAt = now,
            RecordedByUserId = writer.UserId,
        };
        return await writer.SaveAsync(breach, AuditEntities.Breach, b => b.Id, Breach.Reference, CaseRecordWriter.NoIncidents, cancellationToken);
    }
}

/// <summary>The action decided on a breach: arrest, crime recorded, warning, or no action with the reason.</summary>
public sealed record DecideBreachActionRequest(string? Action, string? Rationale);

/// <summary>A review of an order with the victim's views and the outcome.</summary>
public sealed record ReviewOrderRequest(string? VictimViews, string? Outcome);

/// <summary>
/// Decisions made after the record: the action on a breach reported before anyone decided, and reviews of long
/// orders. Each is audited and runs the rules, so an undecided breach's alert has its answer on the record.
/// </summary>
public sealed class OrderDecisionsHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, Alerts.AlertEngine alerts)
{
    public async Task<Outcome<RecordCreated>> DecideBreachAsync(long id, DecideBreachActionRequest request, CancellationToken cancellationToken)
    {
        var breach = await db.Breaches.Include(b => b.Order).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (breach is null)
        {
            return new NotFound();
        }
        // The force that recorded the breach, the force holding the order or the force managing the subject decides.
        if (breach.ForceId != user.ForceId && !breach.Order!.IsHeldBy(user.ForceId))
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var errors = new ValidationErrors();
        var action = CaseRecordInput.Required<BreachAction>(request.Action, "action", errors);
        var rationale = CaseRecordInput.Text(request.Rationale, OrderLimits.Description, "rationale", errors);
        if (!errors.Has("action") && action == BreachAction.Undecided)
        {
            errors.Add("action", "Error.Breach.DecideAction");
        }
        if (!errors.Has("action") && action == BreachAction.None && rationale is null)
        {
            errors.Add("rationale", "Error.Breach.NoActionRationale");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var before = breach.Action?.ToString() ?? "none recorded";
        breach.Action = action;
        breach.Rationale = rationale;
        breach.DecidedAt = time.GetUtcNow();
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            audit.Add(AuditActions.Update, AuditEntities.Breach, breach.Id, detail: $"action {before} -> {action}");
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(Alerts.RuleTrigger.ForRecord(AuditEntities.Breach, breach.Id), ct);
            return new RecordCreated(breach.Id, Breach.Reference(breach.Id));
        }, cancellationToken);
    }

    public async Task<Outcome<RecordCreated>> ReviewOrderAsync(long id, ReviewOrderRequest request, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return new NotFound();
        }
        if (order.ForceId != user.ForceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var errors = new ValidationErrors();
        var views = CaseRecordInput.Text(request.VictimViews, OrderLimits.Description, "victimViews", errors);
        var outcome = CaseRecordInput.Text(request.Outcome, OrderLimits.Description, "outcome", errors);
        if (views is null && !errors.Has("victimViews"))
        {
            errors.Add("victimViews", "Error.OrderReview.VictimViews");
        }
        if (outcome is null && !errors.Has("outcome"))
        {
            errors.Add("outcome", "Error.OrderReview.Outcome");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var review = new OrderReview { OrderId = order.Id, ReviewedAt = time.GetUtcNow(), ReviewedByUserId = user.UserId, ByName = user.DisplayName, VictimViews = views!, Outcome = outcome! };
        db.OrderReviews.Add(review);
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Review, AuditEntities.Order, order.Id);
            await db.SaveChangesAsync(ct);
            return new RecordCreated(order.Id, ProtectiveOrder.Reference(order.Id));
        }, cancellationToken);
    }
}
