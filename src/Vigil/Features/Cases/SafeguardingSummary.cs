using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Orders;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Web;

namespace Vigil.Features.Cases;

/// <summary>One record in a case's or a person's safeguarding history, described in the reader's language.</summary>
public sealed record SafeguardingEntry(DateTimeOffset At, string Kind, string ForceCode, string Details, string? By, string? Link = null);

/// <summary>
/// What has been recorded to keep a victim safe, in time order, for the case page and the person page: on a case,
/// its screenings, risk assessments, considerations, contact agreements and evidence (on the case and its
/// incidents); for a person, in every force, the orders and bail against or protecting them with every breach, and
/// their risk assessments, referrals, victim contacts, advice and sightings. The fuller workflows for risk, orders
/// and victim care build on these records; this is the one place that shows them together today.
/// </summary>
public sealed class SafeguardingSummaryHandler(AppDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Records on a case and on every incident in it.</summary>
    public async Task<IReadOnlyList<SafeguardingEntry>> ForCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        var entries = (await ForAsync([caseId], await db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId).ToListAsync(cancellationToken), cancellationToken)).ToList();
        // Orders and bail between the case's suspect and victim belong with the case, though they are made about people.
        var pair = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.VictimId, c.SuspectId }).FirstOrDefaultAsync(cancellationToken);
        if (pair?.VictimId is long victim && pair.SuspectId is long suspect)
        {
            var orders = await db.Orders.AsNoTracking().Include(o => o.Force).Include(o => o.Conditions)
                .Where(o => o.SubjectId == suspect && o.Protected.Any(p => p.PersonRecordId == victim)).ToListAsync(cancellationToken);
            entries.AddRange(await OrderEntriesAsync(orders, [suspect], cancellationToken));
        }
        return [.. entries.OrderBy(e => e.At)];
    }

    /// <summary>Records on an incident and on every case holding it.</summary>
    public async Task<IReadOnlyList<SafeguardingEntry>> ForIncidentAsync(long incidentId, CancellationToken cancellationToken) =>
        await ForAsync(await db.CaseIncidents.Where(c => c.IncidentId == incidentId).Select(c => c.CaseId).ToListAsync(cancellationToken), [incidentId], cancellationToken);

    private async Task<IReadOnlyList<SafeguardingEntry>> ForAsync(List<long> cases, List<long> incidents, CancellationToken cancellationToken)
    {
        var entries = new List<SafeguardingEntry>();
        foreach (var s in await OnTarget(db.Screenings, cases, incidents).ToListAsync(cancellationToken))
        {
            entries.Add(new(s.RecordedAt, "Screening", s.Force!.Code, L("Safeguarding.Screening",
                Answer(s.Fixated), Answer(s.Obsessive), Answer(s.Unwanted), Answer(s.Repeated), s.Answers.Count(a => a.Value), s.Answers.Count), s.ByName));
        }
        foreach (var r in await OnTarget(db.RiskAssessments, cases, incidents).ToListAsync(cancellationToken))
        {
            entries.Add(new(r.RecordedAt, "RiskAssessment", r.Force!.Code, Risk(r), r.ByName, $"/Risk/Assessment?id={r.Id}"));
        }
        foreach (var c in await OnTarget(db.Considerations, cases, incidents).ToListAsync(cancellationToken))
        {
            entries.Add(new(c.RecordedAt, "Consideration", c.Force!.Code,
                L("Safeguarding.Consideration", Name("ConsiderationKind", c.What), Name("ConsiderationDecision", c.Decision), c.Rationale ?? ""), c.ByName));
        }
        foreach (var a in await OnTarget(db.ContactAgreements, cases, incidents).ToListAsync(cancellationToken))
        {
            entries.Add(new(a.RecordedAt, "ContactAgreement", a.Force!.Code, L("Safeguarding.ContactAgreement",
                Name("ContactFrequency", a.Frequency), a.Method is { } m ? Name("ContactMethod", m) : L("Safeguarding.AnyMethod"), a.SafeContact ?? ""), a.ByName));
        }
        foreach (var e in await OnTarget(db.EvidenceItems, cases, incidents).ToListAsync(cancellationToken))
        {
            var details = L("Safeguarding.Evidence", Name("EvidenceKind", e.Kind), Name("EvidenceStatus", e.Status));
            details += e.AvailableUntil is { } until ? " " + L("Safeguarding.Evidence.Until", UkTime.Format(until)) : "";
            details += e.ExpectedBy is { } expected ? " " + L("Safeguarding.Evidence.Expected", UkTime.Format(expected)) : "";
            entries.Add(new(e.RecordedAt, "Evidence", e.Force!.Code, details, e.ByName));
        }
        foreach (var i in await OnTarget(db.ImpactEvidence, cases, incidents).ToListAsync(cancellationToken))
        {
            entries.Add(new(i.RecordedAt, "ImpactEvidence", i.Force!.Code, Offences.GetOffenceGuidanceHandler.ImpactDetails(i, localizer), i.ByName));
        }
        return [.. entries.OrderBy(e => e.At)];
    }

    public async Task<IReadOnlyList<SafeguardingEntry>> ForPeopleAsync(IReadOnlyList<long> personRecordIds, CancellationToken cancellationToken)
    {
        var ids = personRecordIds.ToList();
        var entries = new List<SafeguardingEntry>();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Force).Include(o => o.Conditions).Include(o => o.Protected).AsSplitQuery()
            .Where(o => ids.Contains(o.SubjectId) || o.Protected.Any(p => ids.Contains(p.PersonRecordId))).ToListAsync(cancellationToken);
        entries.AddRange(await OrderEntriesAsync(orders, ids, cancellationToken));
        foreach (var r in await db.RiskAssessments.AsNoTracking().Include(r => r.Force).Where(r => ids.Contains(r.VictimId)).ToListAsync(cancellationToken))
        {
            entries.Add(new(r.RecordedAt, "RiskAssessment", r.Force!.Code, Risk(r), r.ByName, $"/Risk/Assessment?id={r.Id}"));
        }
        foreach (var r in await db.Referrals.AsNoTracking().Include(r => r.Force).Where(r => ids.Contains(r.PersonRecordId)).ToListAsync(cancellationToken))
        {
            var consent = r.Consent switch { true => L("Safeguarding.Consent.Yes"), false => L("Safeguarding.Consent.No"), null => L("Safeguarding.Consent.Unknown") };
            entries.Add(new(r.RecordedAt, "Referral", r.Force!.Code, L("Safeguarding.Referral", Name("ReferralTarget", r.To), Name("ReferralStatus", r.Status), consent), r.ByName));
        }
        foreach (var c in await db.VictimContacts.AsNoTracking().Include(c => c.Force).Where(c => ids.Contains(c.VictimId)).ToListAsync(cancellationToken))
        {
            var told = c.Informs.Count == 0 ? L("Safeguarding.VictimContact.Nothing") : string.Join(", ", c.Informs.Select(i => Name("VictimInformed", i)));
            entries.Add(new(c.RecordedAt, "VictimContact", c.Force!.Code, L("Safeguarding.VictimContact", told, c.Summary ?? ""), c.ByName));
        }
        foreach (var a in await db.Advice.AsNoTracking().Include(a => a.Force).Where(a => ids.Contains(a.VictimId)).ToListAsync(cancellationToken))
        {
            entries.Add(new(a.RecordedAt, "Advice", a.Force!.Code, L("Safeguarding.Advice", a.Text), a.ByName));
        }
        foreach (var s in await db.Sightings.AsNoTracking().Include(s => s.Force).Where(s => ids.Contains(s.PersonRecordId)).ToListAsync(cancellationToken))
        {
            var place = s.LocationText ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Latitude:F5}, {s.Longitude:F5}");
            entries.Add(new(s.RecordedAt, "Sighting", s.Force!.Code, L("Safeguarding.Sighting", Name("SightingKind", s.Kind), place), null));
        }
        return [.. entries.OrderBy(e => e.At)];
    }

    /// <summary>Orders with their breaches, each linking to the order page (a breach to its row there).</summary>
    private async Task<List<SafeguardingEntry>> OrderEntriesAsync(List<ProtectiveOrder> orders, List<long> ids, CancellationToken cancellationToken)
    {
        var entries = new List<SafeguardingEntry>();
        foreach (var o in orders)
        {
            var period = (o.Starts, o.Ends) switch
            {
                ({ } s, { } e) => L("Safeguarding.Order.Period", UkTime.FormatDate(s), UkTime.FormatDate(e)),
                ({ } s, null) => L("Safeguarding.Order.From", UkTime.FormatDate(s)),
                (null, { } e) => L("Safeguarding.Order.Until", UkTime.FormatDate(e)),
                _ => L("Safeguarding.Order.NoDates"),
            };
            var role = ids.Contains(o.SubjectId) ? L("Safeguarding.Order.Against") : L("Safeguarding.Order.Protecting");
            entries.Add(new(o.RecordedAt, "Order", o.Force!.Code, L("Safeguarding.Order", ProtectiveOrder.Reference(o.Id), Name("OrderType", o.OrderType),
                Name("OrderStatus", o.Status), role, period, o.Conditions.Count(c => c.RemovedAt is null)), null, $"/Orders/Details?id={o.Id}"));
        }
        var orderIds = orders.Select(o => o.Id).ToList();
        foreach (var b in await db.Breaches.AsNoTracking().Include(b => b.Force).Where(b => orderIds.Contains(b.OrderId)).ToListAsync(cancellationToken))
        {
            var action = b.Action is null or BreachAction.Undecided ? L("Safeguarding.Breach.Undecided") : Name("BreachAction", b.Action.Value);
            entries.Add(new(b.RecordedAt, "Breach", b.Force!.Code, L("Safeguarding.Breach", Breach.Reference(b.Id), ProtectiveOrder.Reference(b.OrderId),
                UkTime.Format(b.OccurredAt), b.Description ?? "", action, b.Rationale ?? ""), null, $"/Orders/Details?id={b.OrderId}#breach-{b.Id}"));
        }
        return entries;
    }

    private static IQueryable<T> OnTarget<T>(DbSet<T> records, List<long> cases, List<long> incidents) where T : CaseRecord =>
        records.AsNoTracking().Include(r => r.Force).Where(r => (r.CaseId != null && cases.Contains(r.CaseId.Value)) || (r.IncidentId != null && incidents.Contains(r.IncidentId.Value)));

    private string Risk(RiskAssessment r) => L("Safeguarding.Risk", Name("RiskTool", r.Tool), r.Answers.Count(a => a.Value),
        r.Grade is { } grade ? Name("RiskGrade", grade) : L("Safeguarding.Risk.NoGrade"), r.Rationale ?? "");

    private string Answer(bool? answer) => answer switch { true => L("Safeguarding.Yes"), false => L("Safeguarding.No"), null => L("Safeguarding.NotAsked") };

    private string Name<T>(string family, T value) where T : struct, Enum => localizer[$"{family}.{value}"].Value;

    private string L(string key, params object[] arguments) => localizer[key, arguments].Value.Trim();
}
