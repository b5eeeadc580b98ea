using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.People;

public sealed record SearchPeopleRequest(string? Name, string? DateOfBirth, string? Phone, string? Force, int? Page, int? PageSize);

/// <summary>
/// Finds person records in every force by name, date of birth or phone. The list shows who and where,
/// not contact details; every search is audited with its criteria.
/// </summary>
public sealed class SearchPeopleHandler(AppDbContext db, AuditLog audit)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<PageOf<PersonRecordSummary>>> HandleAsync(SearchPeopleRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = PersonText.Fold(request.Name);
        var phone = PersonText.NormalisePhone(request.Phone);
        PartialDate dob = default;
        var hasDob = !string.IsNullOrWhiteSpace(request.DateOfBirth);
        if (hasDob && !PartialDate.TryParse(request.DateOfBirth, out dob))
        {
            errors.Add("dateOfBirth", "Error.Person.DateOfBirthFormat");
        }
        if (name.Length == 0 && !hasDob && phone.Length == 0)
        {
            errors.Add("name", "Error.Search.NeedCriteria");
        }
        if (request.Name is { Length: > 200 })
        {
            errors.Add("name", "Error.Search.NameTooLong");
        }
        if (!string.IsNullOrWhiteSpace(request.Phone) && phone.TrimStart('+').Length < 4)
        {
            errors.Add("phone", "Error.Search.PhoneTooShort");
        }
        var (page, pageSize) = Paging.Read(request.Page, request.PageSize, MaxPageSize, errors);
        long? forceId = null;
        if (!string.IsNullOrWhiteSpace(request.Force))
        {
            var code = request.Force.Trim().ToUpperInvariant();
            forceId = await db.Forces.Where(f => f.Code == code).Select(f => (long?)f.Id).FirstOrDefaultAsync(cancellationToken);
            if (forceId is null)
            {
                errors.Add("force", "Error.Force.Unknown", request.Force);
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var query = db.PersonRecords.AsNoTracking();
        if (forceId is long fid)
        {
            query = query.Where(p => p.ForceId == fid);
        }
        // Each word must start a word of some name of the person: "dan hug" finds "Daniel Hughes".
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            var startOfWord = " " + word;
            var startOfName = "|" + word;
            query = query.Where(p => p.SearchName.Contains(startOfWord) || p.SearchName.Contains(startOfName));
        }
        if (hasDob)
        {
            // A partial date on either side is compatible with a fuller one that agrees as far as it goes.
            query = query.Where(p => p.BirthYear == dob.Year
                && (dob.Month == null || p.BirthMonth == null || p.BirthMonth == dob.Month)
                && (dob.Day == null || p.BirthDay == null || p.BirthDay == dob.Day));
        }
        if (phone.Length > 0)
        {
            query = query.Where(p => p.Phones.Any(ph => ph.Normalised.Contains(phone)));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id, ForceCode = p.Force!.Code, ForceName = p.Force.Name, p.GivenName, p.FamilyName, p.Aliases,
                p.BirthYear, p.BirthMonth, p.BirthDay, p.Sex,
                Incidents = db.IncidentParties.Where(ip => ip.PersonRecordId == p.Id).Select(ip => ip.IncidentId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);

        var criteria = string.Join("; ", new[]
        {
            name.Length > 0 ? $"name={name}" : null,
            hasDob ? $"dob={dob}" : null,
            phone.Length > 0 ? $"phone={phone}" : null,
            forceId is null ? null : $"force={request.Force}",
            string.Create(CultureInfo.InvariantCulture, $"results={total}"),
        }.Where(c => c is not null));
        await audit.RecordSearchAsync(AuditEntities.PersonRecord, criteria, cancellationToken);

        var items = rows.Select(r => new PersonRecordSummary(
            r.Id, PersonRecord.Reference(r.Id), r.ForceCode, r.ForceName, r.GivenName, r.FamilyName, r.Aliases,
            r.BirthYear is int y ? new PartialDate(y, r.BirthMonth, r.BirthDay).ToString() : null,
            r.Sex.ToString(), r.Incidents)).ToList();
        return new PageOf<PersonRecordSummary>(items, page, pageSize, total);
    }
}
