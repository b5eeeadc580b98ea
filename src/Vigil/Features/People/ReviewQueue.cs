using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.People;

/// <summary>
/// Possible matches involving at least one record of the reader's force, most likely first: a force reviews
/// the pairs its own records are part of, including pairs with another force's record.
/// </summary>
public sealed class ListPossibleMatchesHandler(AppDbContext db, CurrentUser user, GetPersonHandler people, AuditLog audit)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<PageOf<PossibleMatchSummary>>> HandleAsync(ListPossibleMatchesRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Read(request.Page, request.PageSize, MaxPageSize, errors);
        var status = PossibleMatchStatus.Open;
        if (!string.IsNullOrWhiteSpace(request.Status) && !EnumInput.TryParse(request.Status, out status))
        {
            errors.Add("status", "Error.Match.Status", EnumInput.Names<PossibleMatchStatus>());
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var forceId = user.ForceId;
        var query =
            from m in db.PossibleMatches.AsNoTracking()
            join a in db.PersonRecords on m.RecordAId equals a.Id
            join b in db.PersonRecords on m.RecordBId equals b.Id
            where m.Status == status && (a.ForceId == forceId || b.ForceId == forceId)
            select m;
        var total = await query.CountAsync(cancellationToken);
        var matches = await query.OrderByDescending(m => m.Probability).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = matches.SelectMany(m => new[] { m.RecordAId, m.RecordBId }).Distinct().ToList();
        var records = await db.PersonRecords.AsNoTracking().Include(r => r.Force).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        await audit.RecordSearchAsync(AuditEntities.PossibleMatch, $"status={status}; page={page}", cancellationToken);
        var items = matches.Select(m => new PossibleMatchSummary(
            m.Id, PossibleMatch.Reference(m.Id), m.Status.ToString(), m.FoundAt, m.Probability,
            people.Summary(records[m.RecordAId]), people.Summary(records[m.RecordBId]))).ToList();
        return new PageOf<PossibleMatchSummary>(items, page, pageSize, total);
    }
}

/// <summary>One possible match with the evidence, for a reviewer from either record's force.</summary>
public sealed class GetPossibleMatchHandler(AppDbContext db, CurrentUser user, GetPersonHandler people, AuditLog audit)
{
    public async Task<Outcome<PossibleMatchView>> HandleAsync(long id, CancellationToken cancellationToken)
    {
        var match = await db.PossibleMatches.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (match is null)
        {
            return new NotFound();
        }
        var a = await db.PersonRecords.AsNoTracking().Include(r => r.Force).FirstAsync(r => r.Id == match.RecordAId, cancellationToken);
        var b = await db.PersonRecords.AsNoTracking().Include(r => r.Force).FirstAsync(r => r.Id == match.RecordBId, cancellationToken);
        if (a.ForceId != user.ForceId && b.ForceId != user.ForceId)
        {
            return new Forbidden("Error.Match.OtherForces");
        }
        var decision = match.DecisionId is long d ? await db.MatchDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, cancellationToken) : null;
        await audit.RecordReadAsync(AuditEntities.PossibleMatch, id, purpose: null, cancellationToken);
        return MatchViews.PossibleMatch(match, people.Summary(a), people.Summary(b), a, b, a.PersonId, b.PersonId, decision);
    }
}
