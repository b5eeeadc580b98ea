using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Considerations;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>interim-spo-not-considered</c>: an SPO application has been waiting four weeks and nobody has recorded
/// considering an interim SPO, nor sought one. The reviews found victims waiting six months to a year for a full
/// order with no interim protection.
/// </summary>
public sealed class InterimSpoNotConsideredRule : IRule
{
    public const string RuleId = "interim-spo-not-considered";
    public static readonly RuleThreshold Days = new("days", 28, 7, 180);

    public IReadOnlyList<RuleThreshold> Thresholds => [Days];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var days = TimeSpan.FromDays(await context.ThresholdAsync(this, Days, force, cancellationToken));
            var from = interval.From - days;
            var to = interval.To - days;
            // SPOs still applied for now, recorded or changed to "applied" within reach of the interval.
            var pending = await db.Orders.AsNoTracking().Include(o => o.Changes)
                .Where(o => o.ForceId == force && o.OrderType == OrderType.SPO && o.Status == OrderStatus.Applied
                    && (o.RecordedAt <= to) && (o.RecordedAt > from || o.Changes.Any(c => c.Status == OrderStatus.Applied && c.At > from && c.At <= to)))
                .ToListAsync(cancellationToken);
            foreach (var order in pending)
            {
                if (order.FirstAt(OrderStatus.Applied) is not { } applied || applied <= from || applied > to)
                {
                    continue;
                }
                var subject = await RiskFacts.PersonAsync(db, order.SubjectId, Incidents.PartyRole.Suspect, cancellationToken);
                if (await db.Orders.AnyAsync(o => o.OrderType == OrderType.InterimSPO && subject.RecordIds.Contains(o.SubjectId), cancellationToken))
                {
                    continue;
                }
                // Considered on any incident or case with the subject as suspect.
                var incidents = db.IncidentParties.Where(p => p.Role == Incidents.PartyRole.Suspect && subject.RecordIds.Contains(p.PersonRecordId)).Select(p => p.IncidentId);
                var cases = db.CaseIncidents.Where(c => incidents.Contains(c.IncidentId)).Select(c => c.CaseId);
                if (await db.Considerations.AnyAsync(c => c.What == ConsiderationKind.InterimSPO
                    && ((c.IncidentId != null && incidents.Contains(c.IncidentId.Value)) || (c.CaseId != null && cases.Contains(c.CaseId.Value))), cancellationToken))
                {
                    continue;
                }
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    force,
                    $"interim-spo:{order.Id}",
                    [(AlertEvidenceKind.Order, order.Id), .. subject.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                    "Alert.InterimSpoNotConsidered",
                    [ProtectiveOrder.Reference(order.Id), subject.Reference, days.TotalDays.ToString(CultureInfo.InvariantCulture)],
                    Roles.CivilOrdersOfficer));
            }
        }
    }
}
