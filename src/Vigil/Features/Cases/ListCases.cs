using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>The user's force's cases, optionally only their own or one status.</summary>
public sealed class ListCasesHandler(AppDbContext db, CurrentUser user, AuditLog audit)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<PageOf<CaseSummary>>> HandleAsync(ListCasesRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Read(request.Page, request.PageSize, MaxPageSize, errors);
        CaseStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            if (EnumInput.TryParse<CaseStatus>(request.Status, out var s))
            {
                status = s;
            }
            else
            {
                errors.Add("status", "Error.Case.Status", EnumInput.Names<CaseStatus>());
            }
        }
        if (!string.IsNullOrWhiteSpace(request.Force) && !string.Equals(request.Force.Trim(), user.ForceCode, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("force", "Error.Case.ListOwnForceOnly", user.ForceCode ?? "");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var query = db.Cases.AsNoTracking().Where(c => c.ForceId == user.ForceId);
        if (status is { } st)
        {
            query = query.Where(c => c.Status == st);
        }
        if (request.Mine == true)
        {
            query = query.Where(c => c.OfficerUserId == user.UserId);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, ForceCode = c.Force!.Code,
                Victim = c.Victim == null ? null : c.Victim.GivenName + " " + c.Victim.FamilyName,
                Suspect = c.Suspect == null ? null : c.Suspect.GivenName + " " + c.Suspect.FamilyName,
                c.OfficerName, TeamCode = c.Team == null ? null : c.Team.Code, c.Status, c.Outcome,
                Offence = c.OffenceDecisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Select(d => (Incidents.Classification?)d.Offence).FirstOrDefault(),
                Incidents = c.Incidents.Count, c.OpenedAt,
            })
            .ToListAsync(cancellationToken);
        await audit.RecordSearchAsync(AuditEntities.Case, string.Create(CultureInfo.InvariantCulture, $"status={request.Status}; mine={request.Mine}; results={total}"), cancellationToken);
        var items = rows.Select(r => new CaseSummary(r.Id, Case.Reference(r.Id), r.ForceCode, r.Victim, r.Suspect, r.OfficerName, r.TeamCode,
            r.Status.ToString(), r.Outcome, r.Offence?.ToString(), r.Incidents, r.OpenedAt)).ToList();
        return new PageOf<CaseSummary>(items, page, pageSize, total);
    }
}
