using Microsoft.EntityFrameworkCore;
using Vigil.Features.Considerations;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Orders;

/// <summary>The steps from a first report to a full stalking protection order, in the order they should happen.</summary>
public enum SpoStep
{
    Consideration,
    Application,
    Interim,
    Full,
}

/// <summary>When each step happened for one SPO or interim SPO; days are whole days from the first report.</summary>
public sealed record SpoTimelinessRow(
    long OrderId, string Reference, string OrderType, string Status, long SubjectId, string SubjectName,
    DateTimeOffset? FirstReport, DateTimeOffset? FirstConsideration, DateTimeOffset? Applied, DateTimeOffset? Interim, DateTimeOffset? Full)
{
    public int? DaysTo(SpoStep step) => SpoTimeliness.Days(FirstReport, step switch
    {
        SpoStep.Consideration => FirstConsideration,
        SpoStep.Application => Applied,
        SpoStep.Interim => Interim,
        _ => Full,
    });

    public int? DaysToConsideration => DaysTo(SpoStep.Consideration);

    public int? DaysToApplication => DaysTo(SpoStep.Application);

    public int? DaysToInterim => DaysTo(SpoStep.Interim);

    public int? DaysToFull => DaysTo(SpoStep.Full);
}

/// <summary>One step across the force: how many subjects reached it and the median days from the first report.</summary>
public sealed record SpoStepSummary(string Step, int Count, double? MedianDays);

public sealed record SpoTimelinessReport(IReadOnlyList<SpoStepSummary> Steps, IReadOnlyList<SpoTimelinessRow> Orders);

/// <summary>
/// How long stalking protection orders take, from the first report between the subject and a protected person to
/// the first time an SPO was considered, the application, the interim order and the full order. The reviews found
/// SPOs taking six to twelve months with no interim order meanwhile; this puts the number on every order and on the
/// force. People are matched by resolved identity, so a first report to another force, or an interim order another
/// force obtained, still counts.
/// </summary>
public sealed class SpoTimelinessHandler(AppDbContext db, CurrentUser user)
{
    private static readonly OrderType[] SpoTypes = [OrderType.SPO, OrderType.InterimSPO];

    /// <summary>Every SPO and interim SPO the user's force holds, and the force's medians.</summary>
    public async Task<Outcome<SpoTimelinessReport>> ForForceAsync(CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var orders = await db.Orders.AsNoTracking().Include(o => o.Changes).Include(o => o.Protected).Include(o => o.Subject).AsSplitQuery()
            .Where(o => o.ForceId == forceId && SpoTypes.Contains(o.OrderType))
            .OrderBy(o => o.RecordedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        var rows = await RowsAsync(orders, cancellationToken);
        return new SpoTimelinessReport(SpoTimeliness.Summarise(rows), rows);
    }

    /// <summary>The timeline of one order already read (and audited) by the caller; null unless it is an SPO or interim SPO.</summary>
    public async Task<SpoTimelinessRow?> ForOrderAsync(ProtectiveOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return SpoTypes.Contains(order.OrderType) ? (await RowsAsync([order], cancellationToken)).Single() : null;
    }

    private async Task<List<SpoTimelinessRow>> RowsAsync(IReadOnlyList<ProtectiveOrder> orders, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return [];
        }
        var records = orders.Select(o => o.SubjectId).Concat(orders.SelectMany(o => o.Protected.Select(p => p.PersonRecordId))).Distinct().ToList();
        var identities = await IdentitiesAsync(records, cancellationToken);
        var everyone = identities.Values.SelectMany(v => v).Distinct().ToList();

        var parties = await db.IncidentParties.AsNoTracking().Where(p => everyone.Contains(p.PersonRecordId))
            .Select(p => new { p.IncidentId, p.PersonRecordId, p.Incident!.RecordedAt }).ToListAsync(cancellationToken);
        var incidentIds = parties.Select(p => p.IncidentId).Distinct().ToList();
        var caseLinks = await db.CaseIncidents.AsNoTracking().Where(c => incidentIds.Contains(c.IncidentId))
            .Select(c => new { c.CaseId, c.IncidentId }).ToListAsync(cancellationToken);
        var caseIds = caseLinks.Select(c => c.CaseId).Distinct().ToList();
        var considerations = await db.Considerations.AsNoTracking()
            .Where(c => (c.What == ConsiderationKind.SPO || c.What == ConsiderationKind.InterimSPO)
                && ((c.IncidentId != null && incidentIds.Contains(c.IncidentId.Value)) || (c.CaseId != null && caseIds.Contains(c.CaseId.Value))))
            .Select(c => new { c.IncidentId, c.CaseId, c.RecordedAt }).ToListAsync(cancellationToken);
        // Interim and full orders for the subjects, by any force: one force may hold the interim order, another the full.
        var subjects = orders.SelectMany(o => identities[o.SubjectId]).Distinct().ToList();
        var subjectOrders = await db.Orders.AsNoTracking().Include(o => o.Changes)
            .Where(o => subjects.Contains(o.SubjectId)).AsSplitQuery().ToListAsync(cancellationToken);

        var rows = new List<SpoTimelinessRow>();
        foreach (var order in orders)
        {
            var subject = identities[order.SubjectId];
            var protectedPeople = order.Protected.SelectMany(p => identities[p.PersonRecordId]).ToHashSet();
            var between = parties.GroupBy(p => p.IncidentId)
                .Where(g => g.Any(p => subject.Contains(p.PersonRecordId)) && g.Any(p => protectedPeople.Contains(p.PersonRecordId)))
                .Select(g => (Id: g.Key, g.First().RecordedAt)).ToList();
            var betweenIds = between.Select(b => b.Id).ToHashSet();
            var betweenCases = caseLinks.Where(c => betweenIds.Contains(c.IncidentId)).Select(c => c.CaseId).ToHashSet();
            var considered = considerations
                .Where(c => (c.IncidentId is { } i && betweenIds.Contains(i)) || (c.CaseId is { } k && betweenCases.Contains(k)))
                .Select(c => (DateTimeOffset?)c.RecordedAt).Min();
            var mine = subjectOrders.Where(o => subject.Contains(o.SubjectId)).ToList();
            rows.Add(new SpoTimelinessRow(
                order.Id, ProtectiveOrder.Reference(order.Id), order.OrderType.ToString(), order.Status.ToString(), order.SubjectId,
                order.Subject?.FullName ?? "",
                between.Count == 0 ? null : between.Min(b => b.RecordedAt),
                considered,
                SpoTimeliness.FirstTime(order, (_, status) => status == OrderStatus.Applied),
                mine.Select(o => SpoTimeliness.FirstTime(o, (type, status) => type == OrderType.InterimSPO && status is OrderStatus.Granted or OrderStatus.Served)).Min(),
                mine.Select(o => SpoTimeliness.FirstTime(o, (type, status) => type == OrderType.SPO && status is OrderStatus.Granted or OrderStatus.Served)).Min()));
        }
        return rows;
    }

    /// <summary>Each person record with every record of the same resolved identity (itself alone until resolved).</summary>
    private async Task<Dictionary<long, HashSet<long>>> IdentitiesAsync(List<long> records, CancellationToken cancellationToken)
    {
        var clusters = await db.PersonRecords.AsNoTracking().Where(p => records.Contains(p.Id)).Select(p => new { p.Id, p.PersonId }).ToListAsync(cancellationToken);
        var personIds = clusters.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value).Distinct().ToList();
        var members = await db.PersonRecords.AsNoTracking().Where(p => p.PersonId != null && personIds.Contains(p.PersonId.Value))
            .Select(p => new { p.Id, PersonId = p.PersonId!.Value }).ToListAsync(cancellationToken);
        var result = new Dictionary<long, HashSet<long>>();
        foreach (var record in records)
        {
            var personId = clusters.FirstOrDefault(c => c.Id == record)?.PersonId;
            var set = personId is null ? [] : members.Where(m => m.PersonId == personId).Select(m => m.Id).ToHashSet();
            set.Add(record);
            result[record] = set;
        }
        return result;
    }
}

/// <summary>The arithmetic of SPO timeliness, apart from the database so it can be tested on its own.</summary>
public static class SpoTimeliness
{
    /// <summary>
    /// The first moment the order's type and status satisfied <paramref name="when"/>, replaying its change rows
    /// (each holds only what changed; the first holds the type and status it was recorded with).
    /// </summary>
    public static DateTimeOffset? FirstTime(ProtectiveOrder order, Func<OrderType, OrderStatus, bool> when)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(when);
        if (order.Changes.Count == 0)
        {
            return when(order.OrderType, order.Status) ? order.RecordedAt : null;
        }
        OrderType? type = null;
        OrderStatus? status = null;
        foreach (var change in order.Changes.OrderBy(c => c.At).ThenBy(c => c.Id))
        {
            type = change.OrderType ?? type ?? order.OrderType;
            status = change.Status ?? status ?? order.Status;
            if (when(type.Value, status.Value))
            {
                return change.At;
            }
        }
        return null;
    }

    /// <summary>Whole days from the first report to the step (negative when the step came first); null when either is unknown.</summary>
    public static int? Days(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t ? (int)Math.Floor((t - f).TotalDays) : null;

    public static double? Median(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>
    /// Medians per step, one row per subject: a subject's interim and full orders are often separate records that
    /// share one first report, and counting both would weigh that subject twice. The subject's earliest-recorded
    /// order stands for them (its steps already include the other orders' interim and full grants).
    /// </summary>
    public static IReadOnlyList<SpoStepSummary> Summarise(IReadOnlyList<SpoTimelinessRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var perSubject = rows.GroupBy(r => (r.SubjectId, r.FirstReport)).Select(g => g.OrderBy(r => r.OrderId).First()).ToList();
        return [.. Enum.GetValues<SpoStep>().Select(step =>
        {
            var days = perSubject.Select(r => r.DaysTo(step)).OfType<int>().ToList();
            return new SpoStepSummary(step.ToString(), days.Count, Median(days));
        })];
    }
}
