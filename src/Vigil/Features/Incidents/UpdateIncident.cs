using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Incidents;

/// <summary>
/// Changes an incident's classification, narrative, behaviours or impact (the timeline's incident-update).
/// Only the owning force may change it; a stale version is refused so two officers cannot silently
/// overwrite each other.
/// </summary>
public sealed class UpdateIncidentHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, AlertEngine alerts)
{
    public async Task<Outcome<IncidentView>> HandleAsync(long id, UpdateIncidentRequest request, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents
            .Include(i => i.Force).Include(i => i.Team)
            .Include(i => i.Parties).ThenInclude(p => p.PersonRecord).ThenInclude(p => p!.Force)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return new NotFound();
        }
        if (incident.ForceId != user.ForceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var errors = new ValidationErrors();
        if (!Guid.TryParse(request.Version, out var version))
        {
            errors.Add("version", "Error.Version.Required");
        }
        var fields = IncidentValidation.Parse(request.Classification, request.IncludedClassifications, request.RecordedAsCrime,
            request.Narrative, request.Behaviours, request.Channels, request.Relationship, errors, classificationRequired: false);
        var classification = fields.Classification ?? incident.Classification;
        if (fields.RecordedAsCrime is null && fields.Classification is { } newClass && !newClass.IsCrime() && incident.RecordedAsCrime)
        {
            errors.Add("recordedAsCrime", "Error.Incident.NonCrimeRecordedAsCrime");
        }
        if ((fields.IncludedClassifications ?? incident.IncludedClassifications).Contains(classification) && !errors.Has("includedClassifications"))
        {
            errors.Add("includedClassifications", "Error.Incident.IncludedSameAsPrincipal");
        }
        if (request.OccurredTo is { } to && to < incident.OccurredFrom)
        {
            errors.Add("occurredTo", "Error.Incident.EndBeforeStart");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (incident.Version != version)
        {
            return new Conflict("Error.Version.Stale");
        }

        incident.Classification = classification;
        incident.IncludedClassifications = fields.IncludedClassifications ?? incident.IncludedClassifications;
        incident.RecordedAsCrime = fields.RecordedAsCrime ?? (fields.Classification is { } nc ? nc.IsCrime() && incident.RecordedAsCrime : incident.RecordedAsCrime);
        incident.Narrative = fields.Narrative ?? incident.Narrative;
        incident.Behaviours = fields.Behaviours ?? incident.Behaviours;
        incident.Channels = fields.Channels ?? incident.Channels;
        incident.Relationship = fields.Relationship ?? incident.Relationship;
        incident.Domestic = request.Domestic ?? incident.Domestic;
        incident.OccurredTo = request.OccurredTo?.ToUniversalTime() ?? incident.OccurredTo;
        if (request.Impact is { } impact)
        {
            incident.Impact = new Impact
            {
                FearOfViolence = impact.FearOfViolence ?? incident.Impact.FearOfViolence,
                SeriousAlarmOrDistress = impact.SeriousAlarmOrDistress ?? incident.Impact.SeriousAlarmOrDistress,
                ChangedRoutine = impact.ChangedRoutine ?? incident.Impact.ChangedRoutine,
            };
        }
        incident.UpdatedAt = time.GetUtcNow();
        incident.Version = Guid.NewGuid();

        try
        {
            return await db.RunAsync<IncidentView>(async ct =>
            {
                audit.Add(AuditActions.Update, AuditEntities.Incident, incident.Id);
                await db.SaveChangesAsync(ct);
                await alerts.RunAsync(RuleTrigger.ForIncident(incident.Id), ct);
                return GetIncidentHandler.ToView(incident, ownForce: true, cases: []);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Error.Version.Stale");
        }
    }
}
