using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Orders;

/// <summary>A breach as the order page lists it, with who recorded it and the condition it breached.</summary>
public sealed record OrderBreachItem(Breach Breach, string ForceCode, string? ReporterName, int? ConditionNumber);

/// <summary>A sighting of the subject with a position, drawn against the zones.</summary>
public sealed record SubjectSighting(SightingKind Kind, string? Text, double Latitude, double Longitude, DateTimeOffset At, string ForceCode);

/// <summary>Everything the order page shows, read once and audited once.</summary>
public sealed record OrderDetails(
    ProtectiveOrder Order, string ForceName, string ForceCode, string? RecordedByName, IReadOnlyDictionary<string, string> UserNames,
    IReadOnlyList<ProtectedPlace> ProtectedPlaces, IReadOnlyList<OrderBreachItem> Breaches, IReadOnlyList<SubjectSighting> Sightings,
    SpoTimelinessRow? Timeliness, IReadOnlyList<OrderWarning> Warnings, string ManagingForceName, IReadOnlyList<RequirementStatus> Requirements,
    IReadOnlyList<RequirementCompliance> Compliance)
{
    public string Reference => ProtectiveOrder.Reference(Order.Id);

    public string SubjectName => Order.Subject?.FullName ?? "";

    public string ProtectedNames => string.Join(", ", Order.Protected.Select(p => p.PersonRecord?.FullName ?? PersonRecord.Reference(p.PersonRecordId)));

    /// <summary>Current conditions numbered as the order lists them (a breach's condition index counts from the same list).</summary>
    public IReadOnlyList<(int Number, OrderCondition Condition)> Current => [.. Order.CurrentConditions.Select((c, i) => (i + 1, c))];

    public IReadOnlyList<OrderCondition> Replaced => [.. Order.Conditions.Where(c => c.RemovedAt is not null).OrderBy(c => c.AddedAt).ThenBy(c => c.Position)];

    /// <summary>The drawing of the current zones with protected addresses, sightings of the subject and breach locations; null without zones.</summary>
    public OrderMap? Map()
    {
        var places = new List<MapPlaceInput>();
        places.AddRange(ProtectedPlaces.Select(p => new MapPlaceInput(p.Kind switch
        {
            AddressKind.Home => MapPlaceKind.Home,
            AddressKind.Work => MapPlaceKind.Work,
            AddressKind.School => MapPlaceKind.School,
            _ => MapPlaceKind.Other,
        }, $"{p.Text} ({p.PersonName})", p.Latitude, p.Longitude, null)));
        places.AddRange(Sightings.Select(s => new MapPlaceInput(MapPlaceKind.Sighting, s.Text ?? "", s.Latitude, s.Longitude, s.At)));
        places.AddRange(Breaches.Where(b => b.Breach.Latitude is not null && b.Breach.Longitude is not null).Select(b => new MapPlaceInput(
            MapPlaceKind.Breach, $"{Breach.Reference(b.Breach.Id)} {b.Breach.LocationText}".Trim(), b.Breach.Latitude!.Value, b.Breach.Longitude!.Value,
            b.Breach.OccurredAt)));
        return OrderMap.Build([.. Current.Where(c => c.Condition.Type == ConditionType.ExclusionZone)], places);
    }
}

/// <summary>
/// Reads one order for its page through the audited record reader, as the API's GET does: the force that holds it
/// reads it; another force first records a purpose. Then gathers what the page shows around it: the protected
/// people's addresses, breaches with their decisions, sightings of the subject and the SPO timeline.
/// </summary>
public sealed class GetOrderDetailsHandler(AppDbContext db, RecordReader reader, SpoTimelinessHandler timeliness, CurrentUser user, TimeProvider time)
{
    public async Task<Outcome<OrderDetails>> HandleAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var read = await reader.GetAsync(
            db.Orders.Include(o => o.Force).Include(o => o.ManagingForce).Include(o => o.Subject).Include(o => o.Protected).ThenInclude(p => p.PersonRecord)
                .Include(o => o.Conditions).Include(o => o.Changes),
            o => o.Id == id, AuditEntities.Order, id, o => o.IsHeldBy(user.ForceId) ? user.ForceId!.Value : o.ForceId, o => o, purpose, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Failure!;
        }
        var order = read.Value!;
        var places = order.Protected.Where(p => p.PersonRecord is not null)
            .SelectMany(p => p.PersonRecord!.Addresses
                .Where(a => a.Latitude is not null && a.Longitude is not null && a.Kind is AddressKind.Home or AddressKind.Work or AddressKind.School)
                .Select(a => new ProtectedPlace(p.PersonRecordId, p.PersonRecord.FullName, a.Kind, a.Text, a.Latitude!.Value, a.Longitude!.Value)))
            .ToList();

        var breaches = await db.Breaches.AsNoTracking().Include(b => b.Force).Include(b => b.ReportedBy)
            .Where(b => b.OrderId == id).OrderBy(b => b.OccurredAt).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        var breachItems = breaches.Select(b => new OrderBreachItem(b, b.Force?.Code ?? "", b.ReportedBy?.FullName,
            b.ConditionId is { } c ? PositionOf(order, c) : null)).ToList();

        // Sightings of the subject under any of their records: a subject seen just outside a zone is the warning sign.
        var personId = order.Subject?.PersonId;
        var subjectRecords = personId is null
            ? [order.SubjectId]
            : await db.PersonRecords.Where(p => p.PersonId == personId).Select(p => p.Id).ToListAsync(cancellationToken);
        var sightings = await db.Sightings.AsNoTracking().Include(s => s.Force)
            .Where(s => subjectRecords.Contains(s.PersonRecordId) && s.Latitude != null && s.Longitude != null)
            .ToListAsync(cancellationToken);

        var compliance = await db.RequirementCompliance.AsNoTracking().Where(r => r.OrderId == id).OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var userIds = order.Changes.Select(c => c.ByUserId).Append(order.RecordedByUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new OrderDetails(order, order.Force?.Name ?? "", order.Force?.Code ?? "",
            order.RecordedByUserId is { } by ? names.GetValueOrDefault(by) : null, names, places, breachItems,
            [.. sightings.OrderBy(s => s.RecordedAt).Select(s => new SubjectSighting(s.Kind, s.LocationText, s.Latitude!.Value, s.Longitude!.Value, s.RecordedAt, s.Force?.Code ?? ""))],
            await timeliness.ForOrderAsync(order, cancellationToken), await OrderLaw.WarningsAsync(db, order, cancellationToken),
            order.ManagingForce?.Name ?? order.Force?.Name ?? "", OrderRequirements.Of(order, compliance, time.GetUtcNow()), compliance);
    }

    /// <summary>The condition's number as the order listed it when breached (current or since replaced).</summary>
    private static int? PositionOf(ProtectiveOrder order, long conditionId) =>
        order.Conditions.FirstOrDefault(c => c.Id == conditionId) is { } condition ? condition.Position + 1 : null;
}
