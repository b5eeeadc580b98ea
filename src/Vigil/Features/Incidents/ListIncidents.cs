using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Incidents;

/// <summary>
/// Lists incident summaries with filters. Defaults to the user's own force; another force's summaries are
/// the same cross-force view the person page gives. A classification filter also matches included
/// classifications, so stalking recorded under a more serious principal crime is still found.
/// </summary>
public sealed class ListIncidentsHandler(AppDbContext db, CurrentUser user, AuditLog audit)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<PageOf<IncidentSummary>>> HandleAsync(ListIncidentsRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Read(request.Page, request.PageSize, MaxPageSize, errors);
        Classification? classification = null;
        if (!string.IsNullOrWhiteSpace(request.Classification))
        {
            if (EnumInput.TryParse<Classification>(request.Classification, out var c))
            {
                classification = c;
            }
            else
            {
                errors.Add("classification", "Error.Incident.Classification", EnumInput.Names<Classification>());
            }
        }
        Behaviour? behaviour = null;
        if (!string.IsNullOrWhiteSpace(request.Behaviour))
        {
            if (EnumInput.TryParse<Behaviour>(request.Behaviour, out var b))
            {
                behaviour = b;
            }
            else
            {
                errors.Add("behaviour", "Error.Incident.Behaviour", EnumInput.Names<Behaviour>());
            }
        }
        if (request.From is { } from && request.To is { } to && to < from)
        {
            errors.Add("to", "Error.Range.EndBeforeStart");
        }
        long? forceId = user.ForceId;
        if (!string.IsNullOrWhiteSpace(request.Force))
        {
            var code = request.Force.Trim().ToUpperInvariant();
            forceId = await db.Forces.Where(f => f.Code == code).Select(f => (long?)f.Id).FirstOrDefaultAsync(cancellationToken);
            if (forceId is null)
            {
                errors.Add("force", "Error.Force.Unknown", request.Force);
            }
        }
        else if (request.PersonRecordId is not null)
        {
            // A person's history is wanted from every force.
            forceId = null;
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var query = db.Incidents.AsNoTracking();
        if (forceId is long fid)
        {
            query = query.Where(i => i.ForceId == fid);
        }
        if (classification is { } cl)
        {
            query = query.Where(i => i.Classification == cl || i.IncludedClassifications.Contains(cl));
        }
        if (behaviour is { } bh)
        {
            query = query.Where(i => i.Behaviours.Contains(bh));
        }
        if (request.PersonRecordId is long personId)
        {
            query = query.Where(i => i.Parties.Any(p => p.PersonRecordId == personId));
        }
        if (request.From is { } f)
        {
            var fromUtc = f.ToUniversalTime();
            query = query.Where(i => i.OccurredFrom >= fromUtc);
        }
        if (request.To is { } t)
        {
            var toUtc = t.ToUniversalTime();
            query = query.Where(i => i.OccurredFrom <= toUtc);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.OccurredFrom).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new { i.Id, ForceCode = i.Force!.Code, i.OccurredFrom, i.Classification, i.IncludedClassifications, i.RecordedAsCrime, i.Behaviours, i.Domestic })
            .ToListAsync(cancellationToken);
        await audit.RecordSearchAsync(AuditEntities.Incident, string.Create(CultureInfo.InvariantCulture,
            $"force={request.Force}; classification={request.Classification}; behaviour={request.Behaviour}; person={request.PersonRecordId}; results={total}"), cancellationToken);
        var items = rows.Select(r => new IncidentSummary(r.Id, Incident.Reference(r.Id), r.ForceCode, r.OccurredFrom, r.Classification.ToString(),
            r.IncludedClassifications.Select(c => c.ToString()).ToList(), r.RecordedAsCrime, r.Behaviours.Select(b => b.ToString()).ToList(), r.Domestic)).ToList();
        return new PageOf<IncidentSummary>(items, page, pageSize, total);
    }
}
