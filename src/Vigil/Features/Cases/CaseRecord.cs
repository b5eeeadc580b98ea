using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>
/// What every record made about an incident or a case shares (screenings, risk assessments, considerations,
/// contact agreements, evidence): the incident or the case — the timeline format attaches them to either, and an
/// incident nobody has opened a case for still needs them — the force that made it, when, and by whom.
/// </summary>
public abstract class CaseRecord : IForceRecord
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public long? IncidentId { get; set; }
    public long? CaseId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }

    /// <summary>Who did it as quoted ("DC 3301"), or the recording user's name when none was given.</summary>
    public string ByName { get; set; } = "";
}

public static class CaseRecordLimits
{
    public const int ByName = 100;
    public const int Rationale = 4_000;
}

internal static class CaseRecordMapping
{
    public static void MapCaseRecord<T>(this EntityTypeBuilder<T> builder) where T : CaseRecord
    {
        builder.Property(r => r.ByName).HasMaxLength(CaseRecordLimits.ByName);
        builder.Property(r => r.RecordedByUserId).HasMaxLength(450);
        builder.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.IncidentId);
        builder.HasIndex(r => r.CaseId);
    }
}

/// <summary>The incident or case a record is about, once checked: it exists and the user's force holds it.</summary>
public sealed record RecordTarget(long? IncidentId, long? CaseId, long ForceId)
{
    /// <summary>The incident itself, or every incident of the case: what the rules look at after the write.</summary>
    public Task<List<long>> IncidentIdsAsync(AppDbContext db, CancellationToken cancellationToken) => IncidentIdsAsync(db, IncidentId, CaseId, cancellationToken);

    /// <summary>An incident itself, or every incident of a case (none when neither is given): what a record about it is about.</summary>
    public static async Task<List<long>> IncidentIdsAsync(AppDbContext db, long? incidentId, long? caseId, CancellationToken cancellationToken) =>
        incidentId is { } id ? [id]
        : caseId is { } c ? await db.CaseIncidents.Where(x => x.CaseId == c).Select(x => x.IncidentId).ToListAsync(cancellationToken)
        : [];

    /// <summary>
    /// Checks the request names exactly one of an incident and a case and that it exists (problems go to
    /// <paramref name="errors"/>, so the user sees them with every other), and that the user's force holds it: a
    /// force records screenings, assessments and the like on its own incidents and cases only.
    /// </summary>
    public static async Task<(RecordTarget? Target, Failure? Refused)> FindAsync(
        AppDbContext db, CurrentUser user, long? incidentId, long? caseId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return (null, new Forbidden("Error.NoForce"));
        }
        if (incidentId is null == caseId is null)
        {
            errors.Add(incidentId is null ? "incidentId" : "caseId", "Error.Target.IncidentOrCase");
            return (null, null);
        }
        long? holder = incidentId is { } i
            ? await db.Incidents.Where(x => x.Id == i).Select(x => (long?)x.ForceId).FirstOrDefaultAsync(cancellationToken)
            : await db.Cases.Where(x => x.Id == caseId).Select(x => (long?)x.ForceId).FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            if (incidentId is { } unknownIncident)
            {
                errors.Add("incidentId", "Error.Target.IncidentUnknown", unknownIncident);
            }
            else
            {
                errors.Add("caseId", "Error.Target.CaseUnknown", caseId!.Value);
            }
            return (null, null);
        }
        return holder == forceId ? (new RecordTarget(incidentId, caseId, forceId), null) : (null, new Forbidden("Error.Force.ChangeOtherForce"));
    }

    /// <summary>Checks a person record named by a request exists (in any force: people cross force boundaries).</summary>
    public static async Task CheckPersonAsync(AppDbContext db, long? personRecordId, string field, ValidationErrors errors, CancellationToken cancellationToken, bool required = true)
    {
        if (personRecordId is not { } id)
        {
            if (required)
            {
                errors.Add(field, "Error.Target.PersonRequired");
            }
            return;
        }
        if (!await db.PersonRecords.AnyAsync(p => p.Id == id, cancellationToken))
        {
            errors.Add(field, "Error.Target.PersonUnknown", id);
        }
    }
}
