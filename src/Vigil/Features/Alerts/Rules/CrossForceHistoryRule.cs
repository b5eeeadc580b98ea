using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>cross-force-history</c>: someone in a newly recorded incident has incidents, orders or breaches held by
/// another force. Forces could not see each other's non-crime reports, orders or bail breaches; this tells the
/// recording force, naming the records, so it asks. High when an order there is in force or there is a breach.
/// </summary>
public sealed class CrossForceHistoryRule : IRule
{
    public const string RuleId = "cross-force-history";

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var incidentId in context.Trigger.IncidentIds)
        {
            if (await context.IncidentAsync(incidentId, cancellationToken) is not { } incident)
            {
                continue;
            }
            foreach (var party in incident.Parties.DistinctBy(p => p.Key))
            {
                var elsewhere = await context.Db.Incidents.WithAnyParty(context.Db, party.RecordIds).Where(i => i.ForceId != incident.ForceId)
                    .OrderBy(i => i.Id).Select(i => new { i.Id, ForceCode = i.Force!.Code }).ToListAsync(cancellationToken);
                var records = party.RecordIds.ToList();
                // Orders against or protecting the person, found through the subject and protected-person indexes
                // (an "either" condition over both would make the database scan every order).
                var subjectOrders = await context.Db.Orders.Where(o => records.Contains(o.SubjectId)).Select(o => o.Id).ToListAsync(cancellationToken);
                var protectedOrders = await context.Db.OrderProtectedPeople.Where(p => records.Contains(p.PersonRecordId)).Select(p => p.OrderId).ToListAsync(cancellationToken);
                var orderIds = subjectOrders.Concat(protectedOrders).Distinct().ToList();
                var orders = orderIds.Count == 0 ? [] : await context.Db.Orders.AsNoTracking()
                    .Where(o => orderIds.Contains(o.Id) && o.ForceId != incident.ForceId)
                    .OrderBy(o => o.Id).Select(o => new { o.Id, ForceCode = o.Force!.Code, o.Status, o.Starts, o.Ends }).ToListAsync(cancellationToken);
                var breaches = subjectOrders.Count == 0 ? [] : await context.Db.Breaches.AsNoTracking()
                    .Where(b => subjectOrders.Contains(b.OrderId) && (b.ForceId != incident.ForceId || b.Order!.ForceId != incident.ForceId))
                    .OrderBy(b => b.Id).Select(b => new { b.Id, ForceCode = b.Order!.Force!.Code }).ToListAsync(cancellationToken);
                if (elsewhere.Count == 0 && orders.Count == 0 && breaches.Count == 0)
                {
                    continue;
                }
                var forces = elsewhere.Select(i => i.ForceCode).Concat(orders.Select(o => o.ForceCode)).Concat(breaches.Select(b => b.ForceCode))
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                var activeOrder = orders.Any(o => o.Status is OrderStatus.Granted or OrderStatus.Served
                    && (o.Starts is null || o.Starts <= context.Now) && (o.Ends is null || o.Ends > context.Now));
                var count = (elsewhere.Count + orders.Count + breaches.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var references = string.Join(", ", elsewhere.Select(i => Incident.Reference(i.Id))
                    .Concat(orders.Select(o => ProtectiveOrder.Reference(o.Id))).Concat(breaches.Select(b => Breach.Reference(b.Id))));
                context.Report(new RuleFinding(
                    RuleId,
                    activeOrder || breaches.Count > 0 ? AlertSeverity.High : DefaultSeverity,
                    incident.ForceId,
                    $"person:{party.Key}",
                    [(AlertEvidenceKind.Incident, incident.Id), .. elsewhere.Select(i => (AlertEvidenceKind.Incident, i.Id)),
                        .. orders.Select(o => (AlertEvidenceKind.Order, o.Id)), .. breaches.Select(b => (AlertEvidenceKind.Breach, b.Id)),
                        .. party.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))],
                    orders.Count + breaches.Count == 0 ? "Alert.CrossForceHistory" : "Alert.CrossForceHistory.Orders",
                    [party.Reference, Incident.Reference(incident.Id), count, string.Join(", ", forces), references],
                    Roles.Investigator,
                    incident.TeamId,
                    incident.Officer));
            }
        }
    }
}
