using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

public sealed class GetCaseHandler(AppDbContext db, RecordAccess access)
{
    public async Task<Outcome<CaseView>> HandleAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking()
            .Include(c => c.Force).Include(c => c.Team).Include(c => c.Victim).Include(c => c.Suspect)
            .Include(c => c.Incidents).ThenInclude(ci => ci.Incident).ThenInclude(i => i!.Force)
            .Include(c => c.Allocations).ThenInclude(a => a.Team)
            .Include(c => c.OffenceDecisions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return new NotFound();
        }
        var failure = await access.AuthoriseReadAsync(AuditEntities.Case, id, @case.ForceId, @case.Force!.Code, purpose, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var userIds = @case.Allocations.Select(a => a.AllocatedByUserId).Concat(@case.OffenceDecisions.Select(d => d.DecidedByUserId)).Where(u => u is not null).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? NameOf(string? userId) => userId is not null && names.TryGetValue(userId, out var n) ? n : null;

        var allocations = @case.Allocations.OrderBy(a => a.AllocatedAt).ThenBy(a => a.Id).ToList();
        return new CaseView(
            @case.Id,
            Case.Reference(@case.Id),
            @case.Force.Code,
            @case.Force.Name,
            access.IsOwnForce(@case.ForceId),
            @case.VictimId,
            @case.Victim?.FullName,
            @case.SuspectId,
            @case.Suspect?.FullName,
            @case.OfficerUserId,
            @case.OfficerName,
            @case.Team?.Code,
            @case.Team?.Name,
            @case.Team?.Specialist ?? false,
            @case.Status.ToString(),
            @case.Outcome,
            @case.OpenedAt,
            Math.Max(0, allocations.Count - 1),
            @case.Incidents.OrderBy(ci => ci.Incident!.OccurredFrom)
                .Select(ci => new CaseIncidentView(ci.IncidentId, Incident.Reference(ci.IncidentId), ci.Incident!.Force!.Code, ci.Incident.OccurredFrom,
                    ci.Incident.Classification.ToString(), ci.Incident.Behaviours.Select(b => b.ToString()).ToList()))
                .ToList(),
            allocations.Select((a, i) => new AllocationView(i + 1, a.OfficerUserId, a.OfficerName, a.Team?.Code, a.Team?.Name, a.AllocatedAt, NameOf(a.AllocatedByUserId), a.Reason)).ToList(),
            @case.OffenceDecisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
                .Select(d => new OffenceDecisionView(d.Offence.ToString(), d.Rationale, d.DecidedAt, d.DecidedByName ?? NameOf(d.DecidedByUserId)))
                .ToList(),
            @case.Version.ToString());
    }
}
