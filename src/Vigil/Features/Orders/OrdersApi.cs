using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Orders;

public sealed record OrderConditionView(
    long Id, int Position, string Type, bool? Indirect, double? Lat, double? Lon, double? RadiusMetres, IReadOnlyList<double[]> Polygon,
    string? Address, string? Name, string? Text, DateTimeOffset AddedAt, DateTimeOffset? RemovedAt, DateTimeOffset? DueAt);

/// <summary>A positive requirement with its due date, state (Open, Due, Overdue, Met, NotMet) and compliance records.</summary>
public sealed record RequirementView(long ConditionId, int Number, string Type, DateTimeOffset? DueAt, string State, IReadOnlyList<ComplianceView> Records);

public sealed record ComplianceView(long Id, string Reference, string Outcome, DateTimeOffset At, string? Note, string By, DateTimeOffset RecordedAt);

public sealed record OrderChangeView(DateTimeOffset At, string? Status, string? OrderType, DateTimeOffset? Ends, bool ConditionsReplaced);

public sealed record BreachView(
    long Id, string Reference, long OrderId, long ForceId, long? ConditionId, DateTimeOffset OccurredAt, long? ReportedById, string? Description,
    string? LocationText, double? Lat, double? Lon, string? Action, string? Rationale, DateTimeOffset RecordedAt);

/// <summary><see cref="Version"/> is sent back with a change, so two people cannot silently overwrite each other.</summary>
public sealed record OrderView(
    long Id, string Reference, long ForceId, long ManagingForceId, string OrderType, long SubjectId, IReadOnlyList<long> ProtectedIds, string Status,
    DateTimeOffset? Starts, DateTimeOffset? Ends, string? Address, DateTimeOffset RecordedAt, string Version,
    IReadOnlyList<OrderConditionView> Conditions, IReadOnlyList<OrderChangeView> Changes, IReadOnlyList<OrderWarningView> Warnings,
    IReadOnlyList<RequirementView> Requirements);

/// <summary>A legal constraint the order does not meet (warned about, not refused: see <see cref="OrderLaw"/>).</summary>
public sealed record OrderWarningView(string Code, string Message);

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", RecordOrderAsync).RequireAuthorization(Policies.ManageOrders)
            .WithSummary("Record a protective order or bail: subject, protected people, status, dates and conditions");
        orders.MapGet("/{id:long}", GetOrderAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("An order with its conditions (current and replaced) and every change in its life");
        orders.MapPost("/{id:long}/changes", UpdateOrderAsync).RequireAuthorization(Policies.ManageOrders)
            .WithSummary("Change an order's status, end, type or conditions (conditions given replace the current ones)");
        var breaches = api.MapGroup("/breaches").WithTags("Orders");
        breaches.MapPost("/", RecordBreachAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record a breach of an order or of bail, with the condition, place, reporter and action decided");
        breaches.MapGet("/{id:long}", GetBreachAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A breach");
        breaches.MapPost("/{id:long}/action", DecideBreachActionAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record the action decided on a breach: arrest, crime recorded, warning, or no action with the reason");
        orders.MapPost("/{id:long}/compliance", RecordComplianceAsync).RequireAuthorization(Policies.ManageOrders)
            .WithSummary("Record whether the subject met a positive requirement (programme, device access, notification), and when");
        orders.MapPost("/{id:long}/reviews", ReviewOrderAsync).RequireAuthorization(Policies.ManageOrders)
            .WithSummary("Record a review of an order with the victim's views and the outcome");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordOrderAsync(
        RecordOrderRequest request, RecordOrderHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/orders/{c.Id}", localizer);

    public static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> UpdateOrderAsync(
        long id, UpdateOrderRequest request, UpdateOrderHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> DecideBreachActionAsync(
        long id, DecideBreachActionRequest request, OrderDecisionsHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.DecideBreachAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> ReviewOrderAsync(
        long id, ReviewOrderRequest request, OrderDecisionsHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ReviewOrderAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordComplianceAsync(
        long id, RecordComplianceRequest request, RecordComplianceHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(id, request, cancellationToken), _ => $"/api/v1/orders/{id}", localizer);

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordBreachAsync(
        RecordBreachRequest request, RecordBreachHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/breaches/{c.Id}", localizer);

    public static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> GetOrderAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader, CurrentUser user, TimeProvider time,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        ProtectiveOrder? read = null;
        // The force managing the subject reads the order as its own, like the force that applied.
        var view = await reader.GetAsync(
            db.Orders.Include(o => o.Protected).Include(o => o.Conditions).Include(o => o.Changes), o => o.Id == id, AuditEntities.Order, id,
            o => o.IsHeldBy(user.ForceId) ? user.ForceId!.Value : o.ForceId,
            o => new OrderView((read = o).Id, ProtectiveOrder.Reference(o.Id), o.ForceId, o.ManagedBy, o.OrderType.ToString(), o.SubjectId,
                [.. o.Protected.Select(p => p.PersonRecordId)], o.Status.ToString(), o.Starts, o.Ends, o.Address, o.RecordedAt, o.Version.ToString(),
                [.. o.Conditions.OrderBy(c => c.RemovedAt is null).ThenBy(c => c.AddedAt).ThenBy(c => c.Position).Select(c => new OrderConditionView(
                    c.Id, c.Position, c.Type.ToString(), c.Indirect, c.Latitude, c.Longitude, c.RadiusMetres, [.. c.Polygon.Chunk(2)],
                    c.Address, c.Name, c.Text, c.AddedAt, c.RemovedAt, c.DueAt))],
                [.. o.Changes.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new OrderChangeView(c.At, c.Status?.ToString(), c.OrderType?.ToString(), c.Ends, c.ConditionsReplaced))], [], []),
            purpose, cancellationToken);
        if (view.Failure is { } failure)
        {
            return ApiResults.Fail<Ok<OrderView>>(failure, localizer);
        }
        var warnings = await OrderLaw.WarningsAsync(db, read!, cancellationToken);
        var records = await db.RequirementCompliance.AsNoTracking().Where(r => r.OrderId == id).OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var requirements = OrderRequirements.Of(read!, records, time.GetUtcNow());
        return TypedResults.Ok(view.Value! with
        {
            Warnings = [.. warnings.Select(w => new OrderWarningView(w.Code, localizer[w.MessageKey, [.. w.Arguments]].Value))],
            Requirements = [.. requirements.Select(r => new RequirementView(r.Condition.Id, r.Number, r.Condition.Type.ToString(), r.DueAt, r.State.ToString(),
                [.. records.Where(c => c.ConditionId == r.Condition.Id).Select(c => new ComplianceView(c.Id, RequirementCompliance.Reference(c.Id), c.Outcome.ToString(), c.At, c.Note, c.ByName, c.RecordedAt))]))],
        });
    }

    public static async Task<Results<Ok<BreachView>, ValidationProblem, ProblemHttpResult>> GetBreachAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader, CurrentUser user,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        // A breach belongs to the force that recorded it, but the forces holding the order it breaches (applying and
        // managing) read it as their own: breaches elsewhere must reach the officers managing the order without a
        // purpose form.
        ApiResults.Ok(await reader.GetAsync(db.Breaches.Include(b => b.Order), b => b.Id == id, AuditEntities.Breach, id,
            b => b.Order!.IsHeldBy(user.ForceId) ? user.ForceId!.Value : b.ForceId,
            b => new BreachView(b.Id, Breach.Reference(b.Id), b.OrderId, b.ForceId, b.ConditionId, b.OccurredAt, b.ReportedById, b.Description,
                b.LocationText, b.Latitude, b.Longitude, b.Action?.ToString(), b.Rationale, b.RecordedAt),
            purpose, cancellationToken), localizer);
}
