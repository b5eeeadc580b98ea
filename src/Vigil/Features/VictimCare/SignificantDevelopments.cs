using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Cases;
using Vigil.Features.Considerations;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.VictimCare;

/// <summary>A stage of the case the victim must be told about, found in what is already recorded.</summary>
public enum DevelopmentKind
{
    Arrest,
    BailGranted,
    BailVaried,
    BailEnded,
    Charge,
    CaseClosed,
    OrderGranted,
    OrderEnded,
}

/// <summary>A significant development: what happened, when, which record shows it, and what a contact must say to tell of it.</summary>
public sealed record Development(DevelopmentKind Kind, DateTimeOffset At, string Reference, AlertEvidenceKind EvidenceKind, long EvidenceId)
{
    /// <summary>The <see cref="VictimInformed"/> value a contact records when it tells the victim of this.</summary>
    public VictimInformed Informs => Kind switch
    {
        DevelopmentKind.Arrest => VictimInformed.Arrest,
        DevelopmentKind.BailGranted or DevelopmentKind.BailVaried => VictimInformed.Bail,
        DevelopmentKind.BailEnded => VictimInformed.BailConditionsEnded,
        DevelopmentKind.Charge => VictimInformed.Charge,
        // The Victims' Code asks for the outcome whatever it is; a closed case with no charge is, for the victim,
        // the decision to take no further action.
        DevelopmentKind.CaseClosed => VictimInformed.NFA,
        DevelopmentKind.OrderGranted => VictimInformed.OrderGranted,
        _ => VictimInformed.OrderEnded,
    };

    /// <summary>Stable across evaluations: the alert for one untold development is raised once.</summary>
    public string Key => $"{Kind}:{Reference}:{At.UtcTicks}";
}

/// <summary>A victim who must be told: the resolved person, every record of them, and the name to use.</summary>
public sealed record VictimToTell(string Key, string Reference, string Name, IReadOnlyList<long> RecordIds);

/// <summary>Who must be told what, by when, and whether a contact telling them is recorded.</summary>
public sealed record DevelopmentToTell(Development Development, VictimToTell Victim, DateTimeOffset Due, DateTimeOffset? ToldAt, long? ContactId)
{
    public bool Done => ToldAt is not null;

    public bool OverdueAt(DateTimeOffset now) => ToldAt is null && now > Due;
}

/// <summary>
/// Significant developments — arrest, bail granted, varied or ended, charge, the case closed, an order protecting
/// the victim granted or ended — detected from what is recorded (breaches, considerations, orders and their
/// changes, the case's status), with no extra data entry, and for each victim of the case whether a contact that
/// tells them of it followed in time. The case page's "Tell the victim" panel and the victim-contact-overdue rule
/// both read it, so what the officer sees is what the rule alerts on.
/// </summary>
public sealed class SignificantDevelopments(AppDbContext db)
{
    /// <summary>
    /// The Victims' Code asks for arrest, bail, charge and NFA to be told within 5 working days, or 1 for victims
    /// entitled to enhanced rights (REFERENCE.md §5, from a secondary source). RULES.md uses 1, since stalking
    /// victims are usually persistently targeted or intimidated; a force changes it as a rule threshold.
    /// </summary>
    public static readonly RuleThreshold WorkingDays = new("workingDays", 1, 1, 10);

    /// <summary>The rule that owns the timescale threshold, so the page and the rule read one setting.</summary>
    public const string TimescaleRuleId = "victim-contact-overdue";

    /// <summary>The force's timescale in working days (its rule setting, else the default).</summary>
    public async Task<int> WorkingDaysAsync(long forceId, CancellationToken cancellationToken) =>
        await db.RuleSettings.Where(s => s.ForceId == forceId && s.RuleId == TimescaleRuleId && s.Name == WorkingDays.Name)
            .Select(s => (int?)s.Value).FirstOrDefaultAsync(cancellationToken) ?? WorkingDays.Default;

    /// <summary>
    /// When the victim must have been told: <paramref name="workingDays"/> working days after it happened (a
    /// development on a Friday is due on Monday for one working day). Bank holidays are not counted.
    /// </summary>
    public static DateTimeOffset Due(DateTimeOffset at, int workingDays) => OrderFacts.AddWorkingDays(at, workingDays);

    /// <summary>
    /// Every development on an incident or a case (and the cases holding the incident) up to <paramref name="now"/>,
    /// for each of its victims — or only the victim with record <paramref name="victimRecordId"/> — oldest first.
    /// </summary>
    public async Task<IReadOnlyList<DevelopmentToTell>> ForTargetAsync(
        long? incidentId, long? caseId, long? victimRecordId, DateTimeOffset now, int workingDays, CancellationToken cancellationToken)
    {
        var incidents = incidentId is { } i ? [i] : await db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId).ToListAsync(cancellationToken);
        var cases = caseId is { } c0 ? [c0] : await db.CaseIncidents.Where(c => c.IncidentId == incidentId).Select(c => c.CaseId).ToListAsync(cancellationToken);
        var victimRecords = victimRecordId is { } v ? [v] : await CaseVictims.Of(db, incidentId, caseId).ToListAsync(cancellationToken);
        var victims = await ResolveAsync(victimRecords, cancellationToken);

        var shared = new List<Development>();
        var arrests = await db.Considerations.AsNoTracking()
            .Where(x => x.What == ConsiderationKind.Arrest && x.Decision == ConsiderationDecision.Progressed && x.RecordedAt <= now
                && ((x.IncidentId != null && incidents.Contains(x.IncidentId.Value)) || (x.CaseId != null && cases.Contains(x.CaseId.Value))))
            .Select(x => new { x.Id, x.RecordedAt, x.IncidentId, x.CaseId }).ToListAsync(cancellationToken);
        // A consideration is not an alert evidence kind: the alert points at the incident or case it was recorded on.
        shared.AddRange(arrests.Select(a => new Development(DevelopmentKind.Arrest, a.RecordedAt, ConsiderationsApi.Reference(a.Id),
            a.CaseId is null ? AlertEvidenceKind.Incident : AlertEvidenceKind.Case, a.CaseId ?? a.IncidentId!.Value)));
        var outcomes = await db.Cases.AsNoTracking().Where(x => cases.Contains(x.Id) && x.OutcomeRecordedAt != null && x.OutcomeRecordedAt <= now && x.Status != CaseStatus.Open)
            .Select(x => new { x.Id, x.Status, At = x.OutcomeRecordedAt!.Value }).ToListAsync(cancellationToken);
        shared.AddRange(outcomes.Select(o => new Development(o.Status == CaseStatus.Charged ? DevelopmentKind.Charge : DevelopmentKind.CaseClosed, o.At,
            Case.Reference(o.Id), AlertEvidenceKind.Case, o.Id)));

        var result = new List<DevelopmentToTell>();
        foreach (var victim in victims)
        {
            var developments = new List<Development>(shared);
            developments.AddRange(await OrderDevelopmentsAsync(victim.RecordIds, now, cancellationToken));
            var contacts = await db.VictimContacts.AsNoTracking().Where(x => victim.RecordIds.Contains(x.VictimId) && x.RecordedAt <= now)
                .OrderBy(x => x.RecordedAt).ThenBy(x => x.Id).Select(x => new { x.Id, x.RecordedAt, x.Informs }).ToListAsync(cancellationToken);
            foreach (var development in developments)
            {
                // Told on the day or after; a call the evening before ("bail ends tomorrow") counts too.
                var since = development.At.AddDays(-1);
                var told = contacts.FirstOrDefault(x => x.RecordedAt >= since && x.Informs.Contains(development.Informs));
                result.Add(new DevelopmentToTell(development, victim, Due(development.At, workingDays), told?.RecordedAt, told?.Id));
            }
        }
        return [.. result.OrderBy(r => r.Development.At).ThenBy(r => r.Victim.Reference, StringComparer.Ordinal)];
    }

    /// <summary>Arrests on breach, bail and orders protecting the victim (any force: people cross force boundaries).</summary>
    private async Task<List<Development>> OrderDevelopmentsAsync(IReadOnlyList<long> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var developments = new List<Development>();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Changes).AsSplitQuery()
            .Where(o => o.RecordedAt <= now && db.OrderProtectedPeople.Any(p => p.OrderId == o.Id && records.Contains(p.PersonRecordId)))
            .ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            var reference = ProtectiveOrder.Reference(order.Id);
            var bail = order.IsBail || order.Changes.Any(c => c.OrderType is OrderType.PreChargeBail or OrderType.PostChargeBail);
            var granted = order.FirstAt(OrderStatus.Granted) ?? order.FirstAt(OrderStatus.Served);
            if (granted is { } g && g <= now && order.OrderType != OrderType.ReleasedUnderInvestigation)
            {
                developments.Add(new(bail ? DevelopmentKind.BailGranted : DevelopmentKind.OrderGranted, g, reference, AlertEvidenceKind.Order, order.Id));
            }
            var ended = EndedAt(order, now);
            if (bail)
            {
                // Conditions replaced or the return date moved while bail stood: the victim needs the new terms.
                foreach (var change in order.Changes.Where(c => granted is { } first && c.At > first && c.At <= now && (ended is null || c.At < ended)
                    && (c.ConditionsReplaced || c.Ends is not null) && c.Status is null or OrderStatus.Granted or OrderStatus.Served))
                {
                    developments.Add(new(DevelopmentKind.BailVaried, change.At, reference, AlertEvidenceKind.Order, order.Id));
                }
            }
            if (ended is { } e && granted is not null)
            {
                developments.Add(new(bail ? DevelopmentKind.BailEnded : DevelopmentKind.OrderEnded, e, reference, AlertEvidenceKind.Order, order.Id));
            }
        }
        var arrests = await db.Breaches.AsNoTracking()
            .Where(b => b.Action == BreachAction.Arrest && (b.DecidedAt ?? b.RecordedAt) <= now && db.OrderProtectedPeople.Any(p => p.OrderId == b.OrderId && records.Contains(p.PersonRecordId)))
            .Select(b => new { b.Id, At = b.DecidedAt ?? b.RecordedAt }).ToListAsync(cancellationToken);
        developments.AddRange(arrests.Select(a => new Development(DevelopmentKind.Arrest, a.At, Breach.Reference(a.Id), AlertEvidenceKind.Breach, a.Id)));
        return developments;
    }

    /// <summary>
    /// When its conditions ended, if they have by <paramref name="now"/>: the first change that ended it (ended,
    /// discharged, or bail lapsing to release under investigation), or its end date if it was in force until then.
    /// </summary>
    private static DateTimeOffset? EndedAt(ProtectiveOrder order, DateTimeOffset now)
    {
        var change = order.Changes.Where(c => c.At <= now && (c.Status is OrderStatus.Ended or OrderStatus.Discharged || c.OrderType == OrderType.ReleasedUnderInvestigation))
            .OrderBy(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefault();
        var expired = order.Ends is { } ends && ends <= now && order.InForceAt(ends.AddTicks(-1)) ? order.Ends : null;
        return change is { } c && (expired is null || c <= expired) ? c : expired;
    }

    /// <summary>Victim records as resolved people, so a victim recorded twice is told once.</summary>
    private async Task<List<VictimToTell>> ResolveAsync(List<long> records, CancellationToken cancellationToken)
    {
        var rows = await db.PersonRecords.AsNoTracking().Where(r => records.Contains(r.Id))
            .Select(r => new { r.Id, r.PersonId, r.GivenName, r.FamilyName }).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var personIds = rows.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var linked = await db.PersonRecords.AsNoTracking().Where(r => r.PersonId != null && personIds.Contains(r.PersonId.Value))
            .Select(r => new { r.Id, PersonId = r.PersonId!.Value }).ToListAsync(cancellationToken);
        var victims = new List<VictimToTell>();
        foreach (var row in rows)
        {
            var victim = row.PersonId is long person
                ? new VictimToTell($"PN{person}", Person.Reference(person), $"{row.GivenName} {row.FamilyName}",
                    [.. linked.Where(l => l.PersonId == person).Select(l => l.Id).Order()])
                : new VictimToTell($"P{row.Id}", PersonRecord.Reference(row.Id), $"{row.GivenName} {row.FamilyName}", [row.Id]);
            if (victims.All(x => x.Key != victim.Key))
            {
                victims.Add(victim);
            }
        }
        return victims;
    }
}
