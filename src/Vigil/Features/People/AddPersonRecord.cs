using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.People;

/// <summary>Adds a person record to the signed-in user's force.</summary>
public sealed class AddPersonRecordHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, PersonResolution resolution)
{
    public async Task<Outcome<long>> HandleAsync(PersonRecordInput input, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        PersonRecordValidation.Validate(input, errors, prefix: "", DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var record = PersonRecordValidation.ToEntity(input, forceId, user.UserId, now);
        return await db.RunAsync<long>(async ct =>
        {
            db.PersonRecords.Add(record);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Create, AuditEntities.PersonRecord, record.Id);
            await db.SaveChangesAsync(ct);
            await resolution.ResolvePendingAsync($"new record {PersonRecord.Reference(record.Id)}", ct);
            return record.Id;
        }, cancellationToken);
    }
}
