using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>near-breach</c>: the subject of an order in force is reported living, staying, working or seen just outside
/// one of its exclusion zones (within 250 m of the edge), or an address the subject must live at — or is reported
/// living or staying at — is within 250 m of a protected person's home, school or work. The reviews found a house
/// rented just outside the zone and a suspect rebailed one street from the victim.
/// </summary>
public sealed class NearBreachRule : IRule
{
    public const string RuleId = "near-breach";
    public static readonly RuleThreshold Metres = new("metres", 250, 10, 5_000);

    private static readonly AddressKind[] ProtectedPlaces = [AddressKind.Home, AddressKind.Work, AddressKind.School];

    public IReadOnlyList<RuleThreshold> Thresholds => [Metres];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var sightingId in context.Trigger.RecordsOf(AuditEntities.Sighting).Distinct())
        {
            var sighting = await db.Sightings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sightingId, cancellationToken);
            if (sighting is not { Latitude: { } lat, Longitude: { } lon })
            {
                continue;
            }
            var subject = await RiskFacts.PersonAsync(db, sighting.PersonRecordId, Incidents.PartyRole.Suspect, cancellationToken);
            var orders = await db.Orders.AsNoTracking().Include(o => o.Conditions).Include(o => o.Changes).Include(o => o.Protected)
                .Where(o => subject.RecordIds.Contains(o.SubjectId)).ToListAsync(cancellationToken);
            foreach (var order in orders.Where(o => o.InForceAt(context.Now)))
            {
                var limit = await context.ThresholdAsync(this, Metres, order.ForceId, cancellationToken);
                var place = sighting.LocationText ?? string.Create(CultureInfo.InvariantCulture, $"{lat:F5}, {lon:F5}");
                foreach (var zone in order.CurrentConditions)
                {
                    if (ZoneGeometry.DistanceOutsideMetres(zone, lat, lon) is { } outside && outside > 0 && outside <= limit)
                    {
                        Report(context, order, subject, "Alert.NearBreach.Zone", place, outside);
                    }
                }
                if (sighting.Kind is SightingKind.Residing or SightingKind.Staying && await NearestProtectedPlaceAsync(db, order, lat, lon, cancellationToken) is { } near && near.Metres <= limit)
                {
                    Report(context, order, subject, "Alert.NearBreach.Address", place, near.Metres, near.Person);
                }
            }
        }
        foreach (var orderId in context.Trigger.RecordsOf(AuditEntities.Order).Distinct())
        {
            var order = await db.Orders.AsNoTracking().Include(o => o.Conditions).Include(o => o.Changes).Include(o => o.Protected).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is null || order.StatusAt(context.Now) is not (OrderStatus.Granted or OrderStatus.Served or OrderStatus.Applied))
            {
                continue;
            }
            var limit = await context.ThresholdAsync(this, Metres, order.ForceId, cancellationToken);
            foreach (var reside in order.CurrentConditions.Where(c => c.Type == ConditionType.ResideAt && c.Latitude is not null && c.Longitude is not null))
            {
                if (await NearestProtectedPlaceAsync(db, order, reside.Latitude!.Value, reside.Longitude!.Value, cancellationToken) is { } near && near.Metres <= limit)
                {
                    var subject = await RiskFacts.PersonAsync(db, order.SubjectId, Incidents.PartyRole.Suspect, cancellationToken);
                    Report(context, order, subject, "Alert.NearBreach.ResideAt", reside.Address ?? "", near.Metres, near.Person);
                }
            }
        }
    }

    private void Report(RuleContext context, ProtectiveOrder order, Identities.Party subject, string messageKey, string place, double metres, string protectedPerson = "") =>
        context.Report(new RuleFinding(
            RuleId,
            DefaultSeverity,
            order.ForceId,
            $"near:{order.Id}",
            [(AlertEvidenceKind.Order, order.Id), .. subject.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
            messageKey,
            [subject.Reference, ProtectiveOrder.Reference(order.Id), place, Math.Round(metres).ToString(CultureInfo.InvariantCulture), protectedPerson],
            Roles.Investigator));

    /// <summary>The protected people's homes, schools and workplaces nearest to a place, and how far.</summary>
    private static async Task<(double Metres, string Person)?> NearestProtectedPlaceAsync(Infrastructure.Data.AppDbContext db, ProtectiveOrder order, double lat, double lon, CancellationToken cancellationToken)
    {
        (double, string)? nearest = null;
        foreach (var protectedRecord in order.Protected.Select(p => p.PersonRecordId))
        {
            var person = await RiskFacts.PersonAsync(db, protectedRecord, Incidents.PartyRole.Victim, cancellationToken);
            var addresses = await db.PersonRecords.AsNoTracking().Where(r => person.RecordIds.Contains(r.Id)).Select(r => r.Addresses).ToListAsync(cancellationToken);
            foreach (var address in addresses.SelectMany(a => a).Where(a => ProtectedPlaces.Contains(a.Kind) && a.Latitude is not null && a.Longitude is not null))
            {
                var metres = ZoneGeometry.DistanceOutsideCircleMetres(address.Latitude!.Value, address.Longitude!.Value, 0, lat, lon);
                if (nearest is null || metres < nearest.Value.Item1)
                {
                    nearest = (metres, person.Reference);
                }
            }
        }
        return nearest;
    }
}
