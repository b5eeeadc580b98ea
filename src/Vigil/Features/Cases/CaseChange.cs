using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>
/// The common frame of every change to a case: it must exist, belong to the user's force, and be changed
/// from the version the user read. The change and its audit line commit together.
/// </summary>
public sealed class CaseChange(AppDbContext db, CurrentUser user, AuditLog audit, AlertEngine alerts)
{
    public async Task<Outcome<CaseCreated>> ApplyAsync(
        long id,
        string? version,
        Func<Case, ValidationErrors, CancellationToken, Task> validate,
        Action<Case> change,
        string auditDetail,
        CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Incidents).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return new NotFound();
        }
        if (@case.ForceId != user.ForceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var errors = new ValidationErrors();
        if (!Guid.TryParse(version, out var expected))
        {
            errors.Add("version", "Error.Version.Required");
        }
        await validate(@case, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (@case.Version != expected)
        {
            return new Conflict("Error.Version.Stale");
        }
        change(@case);
        @case.Version = Guid.NewGuid();
        try
        {
            return await db.RunAsync<CaseCreated>(async ct =>
            {
                audit.Add(AuditActions.Update, AuditEntities.Case, @case.Id, detail: auditDetail);
                await db.SaveChangesAsync(ct);
                await alerts.RunAsync(RuleTrigger.ForCase(@case.Id), ct);
                return new CaseCreated(@case.Id, Case.Reference(@case.Id));
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Error.Version.Stale");
        }
    }
}
