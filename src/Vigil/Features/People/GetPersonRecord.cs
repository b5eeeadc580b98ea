using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.People;

/// <summary>
/// A person record with every incident it appears in, in any force. The incident summaries are always
/// shown (the seeds' central complaint is that nobody saw the other forces' history); another force's
/// contact details need a recorded purpose.
/// </summary>
public sealed class GetPersonRecordHandler(AppDbContext db, RecordAccess access, AuditLog audit)
{
    public async Task<Outcome<PersonRecordView>> HandleAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var record = await db.PersonRecords.AsNoTracking().Include(p => p.Force).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (record is null)
        {
            return new NotFound();
        }
        var ownForce = access.IsOwnForce(record.ForceId);
        var withheld = false;
        var failure = await access.AuthoriseReadAsync(AuditEntities.PersonRecord, id, record.ForceId, record.Force!.Code, purpose, cancellationToken);
        if (failure is PurposeRequired)
        {
            // The identity and the cross-force summary are still shown: that read is audited as such.
            withheld = true;
            await audit.RecordReadAsync(AuditEntities.PersonRecord, id, purpose: null, cancellationToken);
        }
        else if (failure is not null)
        {
            return failure;
        }

        var identity = record.PersonId is long personId
            ? await db.PersonRecords.AsNoTracking().Where(r => r.PersonId == personId).Select(r => r.Id).ToListAsync(cancellationToken)
            : [id];
        var incidents = await IncidentSummaries.ForPersonRecordsAsync(db, identity, access, cancellationToken);
        return new PersonRecordView(
            record.Id, PersonRecord.Reference(record.Id), record.Force.Code, record.Force.Name, ownForce,
            record.GivenName, record.FamilyName, record.Aliases, record.DateOfBirth?.ToString(), record.Sex.ToString(),
            withheld ? null : record.Addresses.Select(a => new AddressView(a.Text, a.Postcode, a.Kind.ToString(), a.Latitude, a.Longitude)).ToList(),
            withheld ? null : record.Phones.Select(p => p.Number).ToList(),
            withheld ? null : record.Emails,
            withheld ? null : record.Handles,
            withheld,
            incidents,
            record.Version.ToString(),
            record.PersonId,
            record.PersonId is long p ? Person.Reference(p) : null,
            identity.Count);
    }
}
