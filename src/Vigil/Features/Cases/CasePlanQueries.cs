using Microsoft.EntityFrameworkCore;
using Vigil.Features.Considerations;
using Vigil.Features.Evidence;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Cases;

public sealed record ConsiderationRow(long Id, string Reference, ConsiderationKind What, ConsiderationDecision Decision, string? Rationale, string By, DateTimeOffset At,
    string ForceCode, string? IncidentReference);

public sealed record EvidenceRow(long Id, string Reference, EvidenceKind Kind, EvidenceStatus Status, string? Description, DateTimeOffset? AvailableUntil,
    DateTimeOffset? ExpectedBy, DateTimeOffset? RequestedAt, string By, DateTimeOffset At, string ForceCode, bool OwnForce, string Version, string? IncidentReference);

public sealed record AdviceRow(long Id, string Reference, long VictimId, string Text, IReadOnlyList<AdviceItem> Library, string By, DateTimeOffset At,
    IReadOnlyList<AdviceConcern> Concerns);

/// <summary>
/// What the case's plan pages show: the options considered, the evidence plan and the advice given, on the case and
/// on every incident of it (a consideration or a piece of CCTV recorded on an incident before the case was opened
/// belongs to the case too). The case itself has been read — and the read audited — by the page first.
/// </summary>
public sealed class CasePlanQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<ConsiderationRow>> ConsiderationsAsync(long caseId, CancellationToken cancellationToken)
    {
        var incidents = Incidents(caseId);
        var rows = await db.Considerations.AsNoTracking()
            .Where(c => c.CaseId == caseId || (c.IncidentId != null && incidents.Contains(c.IncidentId.Value)))
            .Join(db.Set<Force>(), c => c.ForceId, f => f.Id, (c, f) => new { c, f.Code })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.c.RecordedAt).ThenByDescending(r => r.c.Id).Select(r => new ConsiderationRow(
            r.c.Id, ConsiderationsApi.Reference(r.c.Id), r.c.What, r.c.Decision, r.c.Rationale, r.c.ByName, r.c.RecordedAt, r.Code,
            r.c.IncidentId is { } i ? Incident.Reference(i) : null))];
    }

    public async Task<IReadOnlyList<EvidenceRow>> EvidenceAsync(long caseId, long? userForceId, CancellationToken cancellationToken)
    {
        var incidents = Incidents(caseId);
        var rows = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.CaseId == caseId || (e.IncidentId != null && incidents.Contains(e.IncidentId.Value)))
            .Join(db.Set<Force>(), e => e.ForceId, f => f.Id, (e, f) => new { e, f.Code })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.e.Kind).ThenBy(r => r.e.RecordedAt).ThenBy(r => r.e.Id).Select(r => new EvidenceRow(
            r.e.Id, EvidenceApi.Reference(r.e.Id), r.e.Kind, r.e.Status, r.e.Description, r.e.AvailableUntil, r.e.ExpectedBy, r.e.RequestedAt,
            r.e.ByName, r.e.RecordedAt, r.Code, r.e.ForceId == userForceId, r.e.Version.ToString(), r.e.IncidentId is { } i ? Incident.Reference(i) : null))];
    }

    /// <summary>Advice given from the case or its incidents, and advice recorded about its victims alone (as a timeline records it).</summary>
    public async Task<IReadOnlyList<AdviceRow>> AdviceAsync(long caseId, IReadOnlyCollection<long> victimIds, CancellationToken cancellationToken)
    {
        var incidents = Incidents(caseId);
        var rows = await db.Advice.AsNoTracking()
            .Where(a => a.CaseId == caseId || (a.IncidentId != null && incidents.Contains(a.IncidentId.Value))
                || (a.CaseId == null && a.IncidentId == null && victimIds.Contains(a.VictimId)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id).Select(a => new AdviceRow(
            a.Id, VictimCareApi.AdviceReference(a.Id), a.VictimId, a.Text, a.LibraryItems, a.ByName, a.RecordedAt, AdviceCheck.Check(a.Text)))];
    }

    private IQueryable<long> Incidents(long caseId) => db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId);
}
