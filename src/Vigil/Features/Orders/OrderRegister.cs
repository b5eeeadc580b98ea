using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Orders;

/// <summary>The register's views: what a civil orders officer or offender manager works through.</summary>
public enum RegisterView
{
    All,
    Active,
    Pending,
    Expiring,
    Breached,
}

/// <summary>
/// A page of the register. <see cref="View"/> is one of <see cref="RegisterView"/>; <see cref="Officer"/> is the
/// user id of the managing officer (today the officer who recorded the order: orders have no officer field yet).
/// </summary>
public sealed record OrderRegisterRequest(string? View, string? Type, string? Status, string? Officer, int? Page, int? PageSize);

public sealed record OrderRegisterRow(
    long Id, string Reference, string OrderType, string Status, long SubjectId, string SubjectName, int ProtectedCount,
    DateTimeOffset? Starts, DateTimeOffset? Ends, int Breaches, DateTimeOffset? LastBreach, string? OfficerUserId, string? OfficerName,
    DateTimeOffset RecordedAt);

public sealed record RegisterOfficer(string UserId, string Name);

/// <summary>
/// The force's register of orders and bail: those it recorded (orders held by other forces are theirs to manage,
/// even when they protect this force's victims). Every listing and export is audited with its criteria.
/// </summary>
public sealed class OrderRegisterHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public const int MaxPageSize = 100;

    /// <summary>An export is for analysis of one force's register; past this it is a bulk extract and needs another route.</summary>
    public const int MaxExportRows = 10_000;

    /// <summary>Orders (not bail) ending within this many days are expiring.</summary>
    public static readonly TimeSpan OrderExpiryWindow = TimeSpan.FromDays(14);

    /// <summary>Bail ends sooner and is extended at short notice: a week's warning.</summary>
    public static readonly TimeSpan BailExpiryWindow = TimeSpan.FromDays(7);

    /// <summary>How recent a breach puts an order on the recently breached view.</summary>
    public static readonly TimeSpan RecentBreach = TimeSpan.FromDays(30);

    public async Task<Outcome<PageOf<OrderRegisterRow>>> HandleAsync(OrderRegisterRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Read(request.Page, request.PageSize, MaxPageSize, errors);
        var query = Filter(request, errors);
        if (errors.Any || query is null)
        {
            return errors.Any ? errors.ToFailure() : new Forbidden("Error.NoForce");
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(Order(query, request), page, pageSize, cancellationToken);
        await audit.RecordSearchAsync(AuditEntities.Order, Criteria(request, total), cancellationToken);
        return new PageOf<OrderRegisterRow>(rows, page, pageSize, total);
    }

    /// <summary>Every row the filters select (up to <see cref="MaxExportRows"/>), for an export; audited as an export with its criteria.</summary>
    public async Task<Outcome<IReadOnlyList<OrderRegisterRow>>> ExportAsync(OrderRegisterRequest request, string format, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = Filter(request, errors);
        if (errors.Any || query is null)
        {
            return errors.Any ? errors.ToFailure() : new Forbidden("Error.NoForce");
        }
        var rows = await Project(Order(query, request), 1, MaxExportRows, cancellationToken);
        await db.RunAsync<bool>(async ct =>
        {
            audit.Add(AuditActions.Export, AuditEntities.Order, entityId: null, detail: $"format={format}; " + Criteria(request, rows.Count));
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return rows;
    }

    /// <summary>The officers who manage the force's orders, for the register's filter.</summary>
    public async Task<IReadOnlyList<RegisterOfficer>> OfficersAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Orders.AsNoTracking().Where(o => (o.ForceId == user.ForceId || o.ManagingForceId == user.ForceId) && o.RecordedByUserId != null)
            .Select(o => o.RecordedByUserId!).Distinct().ToListAsync(cancellationToken);
        var officers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new RegisterOfficer(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        return [.. officers.OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }

    private IQueryable<ProtectiveOrder>? Filter(OrderRegisterRequest request, ValidationErrors errors)
    {
        var view = string.IsNullOrWhiteSpace(request.View) ? RegisterView.All : CaseParse<RegisterView>(request.View, "view", errors);
        var type = string.IsNullOrWhiteSpace(request.Type) ? null : (OrderType?)CaseParse<OrderType>(request.Type, "type", errors);
        var status = string.IsNullOrWhiteSpace(request.Status) ? null : (OrderStatus?)CaseParse<OrderStatus>(request.Status, "status", errors);
        if (user.ForceId is not long forceId || errors.Any)
        {
            return null;
        }
        var now = time.GetUtcNow();
        // The register lists the orders the force applied for and those on subjects it manages for another force.
        var query = db.Orders.AsNoTracking().Where(o => o.ForceId == forceId || o.ManagingForceId == forceId);
        if (type is { } t)
        {
            query = query.Where(o => o.OrderType == t);
        }
        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(request.Officer))
        {
            var officer = request.Officer.Trim();
            query = query.Where(o => o.RecordedByUserId == officer);
        }
        var orderSoon = now + OrderExpiryWindow;
        var bailSoon = now + BailExpiryWindow;
        var breachedSince = now - RecentBreach;
        return view switch
        {
            RegisterView.Active => query.Where(o => (o.Status == OrderStatus.Granted || o.Status == OrderStatus.Served)
                && (o.Ends == null || o.Ends > now) && (o.Starts == null || o.Starts <= now)),
            RegisterView.Pending => query.Where(o => o.Status == OrderStatus.Considered || o.Status == OrderStatus.Applied),
            RegisterView.Expiring => query.Where(o => (o.Status == OrderStatus.Granted || o.Status == OrderStatus.Served) && o.Ends != null && o.Ends > now
                && (o.OrderType == OrderType.PreChargeBail || o.OrderType == OrderType.PostChargeBail ? o.Ends <= bailSoon : o.Ends <= orderSoon)),
            RegisterView.Breached => query.Where(o => db.Breaches.Any(b => b.OrderId == o.Id && b.OccurredAt >= breachedSince)),
            _ => query,
        };
    }

    private static IQueryable<ProtectiveOrder> Order(IQueryable<ProtectiveOrder> query, OrderRegisterRequest request) =>
        string.Equals(request.View, nameof(RegisterView.Expiring), StringComparison.OrdinalIgnoreCase)
            ? query.OrderBy(o => o.Ends).ThenBy(o => o.Id)
            : query.OrderByDescending(o => o.RecordedAt).ThenByDescending(o => o.Id);

    private async Task<List<OrderRegisterRow>> Project(IQueryable<ProtectiveOrder> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new
            {
                o.Id,
                o.OrderType,
                o.Status,
                o.SubjectId,
                Given = o.Subject!.GivenName,
                Family = o.Subject.FamilyName,
                Protected = o.Protected.Count,
                o.Starts,
                o.Ends,
                o.RecordedByUserId,
                o.RecordedAt,
                Officer = db.Users.Where(u => u.Id == o.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        // Breach counts come separately: SQLite cannot take the maximum of a DateTimeOffset stored as a number in a subquery projection.
        var breaches = (await db.Breaches.AsNoTracking().Where(b => ids.Contains(b.OrderId)).Select(b => new { b.OrderId, b.OccurredAt }).ToListAsync(cancellationToken))
            .GroupBy(b => b.OrderId).ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(b => b.OccurredAt)));
        return [.. rows.Select(r =>
        {
            var breached = breaches.GetValueOrDefault(r.Id);
            return new OrderRegisterRow(r.Id, ProtectiveOrder.Reference(r.Id), r.OrderType.ToString(), r.Status.ToString(), r.SubjectId, $"{r.Given} {r.Family}",
                r.Protected, r.Starts, r.Ends, breached.Count, breached.Count == 0 ? null : breached.Last, r.RecordedByUserId, r.Officer, r.RecordedAt);
        })];
    }

    private static T CaseParse<T>(string text, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (EnumInput.TryParse<T>(text, out var value))
        {
            return value;
        }
        errors.Add(field, "Error.Choice.Invalid", EnumInput.Names<T>());
        return default;
    }

    private static string Criteria(OrderRegisterRequest request, int results) => string.Create(CultureInfo.InvariantCulture,
        $"view={request.View}; type={request.Type}; status={request.Status}; officer={request.Officer}; page={request.Page}; results={results}");
}

/// <summary>The register as a table for export, headed in the reader's language.</summary>
public static class OrderRegisterTable
{
    public static IReadOnlyList<string> Headers(Func<string, string> localise)
    {
        ArgumentNullException.ThrowIfNull(localise);
        return [.. new[] { "Reference", "Type", "Status", "Subject", "SubjectRecord", "Protected", "Starts", "Ends", "Breaches", "LastBreach", "Officer" }
            .Select(k => localise("Register.Column." + k))];
    }

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<OrderRegisterRow> rows, Func<string, string> localise)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(localise);
        return rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Reference, localise("OrderType." + r.OrderType), localise("OrderStatus." + r.Status), r.SubjectName, PersonRecord.Reference(r.SubjectId),
            r.ProtectedCount, Date(r.Starts), Date(r.Ends), r.Breaches, Date(r.LastBreach), r.OfficerName,
        ]);
    }

    /// <summary>ISO dates in UK local time: sortable in a spreadsheet whatever its locale.</summary>
    private static string? Date(DateTimeOffset? instant) =>
        instant is { } i ? Infrastructure.Web.UkTime.ToLocal(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
