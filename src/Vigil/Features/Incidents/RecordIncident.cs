using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Incidents;

/// <summary>
/// Records an incident with its parties in the user's own force. New person records for parties are
/// created in the same transaction, so a refused incident leaves no stray people behind.
/// </summary>
public sealed class RecordIncidentHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, PersonResolution resolution, AlertEngine alerts)
{
    /// <summary>A report may be a few minutes "in the future" if a device clock is slightly ahead.</summary>
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    public async Task<Outcome<RecordIncidentResponse>> HandleAsync(RecordIncidentRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();

        if (!string.IsNullOrWhiteSpace(request.Force))
        {
            var code = request.Force.Trim().ToUpperInvariant();
            var exists = await db.Forces.AnyAsync(f => f.Code == code, cancellationToken);
            if (!exists)
            {
                errors.Add("force", "Error.Force.Unknown", request.Force);
            }
            else if (!string.Equals(code, user.ForceCode, StringComparison.Ordinal))
            {
                errors.Add("force", "Error.Force.NotYours", user.ForceCode ?? "");
            }
        }

        var fields = IncidentValidation.Parse(request.Classification, request.IncludedClassifications, request.RecordedAsCrime,
            request.Narrative, request.Behaviours, request.Channels, request.Relationship, errors, classificationRequired: true);
        IncidentValidation.ValidateTimes(request.OccurredFrom, request.OccurredTo, now + ClockTolerance, errors);
        if (request.Location is { } location)
        {
            if (location.Text is { } text && text.Trim().Length > IncidentLimits.LocationText)
            {
                errors.Add("location.text", "Error.Incident.LocationTooLong", IncidentLimits.LocationText);
            }
            PersonRecordValidation.ValidateCoordinates(location.Lat, location.Lon, "location", errors);
        }
        if (request.Officer is { } officer && officer.Trim().Length > IncidentLimits.Officer)
        {
            errors.Add("officer", "Error.Incident.OfficerTooLong", IncidentLimits.Officer);
        }

        long? teamId = null;
        if (!string.IsNullOrWhiteSpace(request.Team))
        {
            var teamCode = request.Team.Trim().ToUpperInvariant();
            teamId = await db.Teams.Where(t => t.ForceId == forceId && t.Code == teamCode).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (teamId is null)
            {
                errors.Add("team", "Error.Team.Unknown", request.Team);
            }
        }

        var parties = await ValidatePartiesAsync(request.Parties, errors, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var incident = new Incident
        {
            ForceId = forceId,
            RecordedAt = now,
            OccurredFrom = request.OccurredFrom!.Value.ToUniversalTime(),
            OccurredTo = request.OccurredTo?.ToUniversalTime(),
            Classification = fields.Classification!.Value,
            IncludedClassifications = fields.IncludedClassifications ?? [],
            RecordedAsCrime = fields.RecordedAsCrime ?? fields.Classification.Value.IsCrime(),
            Narrative = fields.Narrative ?? "",
            Behaviours = fields.Behaviours ?? [],
            Channels = fields.Channels ?? [],
            LocationText = string.IsNullOrWhiteSpace(request.Location?.Text) ? null : request.Location.Text.Trim(),
            LocationLatitude = request.Location?.Lat,
            LocationLongitude = request.Location?.Lon,
            Relationship = fields.Relationship,
            Impact = new Impact
            {
                FearOfViolence = request.Impact?.FearOfViolence ?? false,
                SeriousAlarmOrDistress = request.Impact?.SeriousAlarmOrDistress ?? false,
                ChangedRoutine = request.Impact?.ChangedRoutine ?? false,
            },
            Domestic = request.Domestic ?? false,
            TeamId = teamId,
            Officer = string.IsNullOrWhiteSpace(request.Officer) ? user.DisplayName : request.Officer.Trim(),
            RecordedByUserId = user.UserId,
            Version = Guid.NewGuid(),
        };

        return await db.RunAsync<RecordIncidentResponse>(async ct =>
        {
            var people = new List<PersonRecord>();
            foreach (var party in parties)
            {
                var personRecord = party.NewPerson is { } input
                    ? PersonRecordValidation.ToEntity(input, forceId, user.UserId, now)
                    : null;
                if (personRecord is not null)
                {
                    db.PersonRecords.Add(personRecord);
                    people.Add(personRecord);
                }
                incident.Parties.Add(new IncidentParty { PersonRecordId = party.PersonRecordId ?? 0, PersonRecord = personRecord, Role = party.Role });
            }
            db.Incidents.Add(incident);
            await db.SaveChangesAsync(ct);
            foreach (var person in people)
            {
                audit.Add(AuditActions.Create, AuditEntities.PersonRecord, person.Id);
            }
            audit.Add(AuditActions.Create, AuditEntities.Incident, incident.Id);
            await db.SaveChangesAsync(ct);
            if (people.Count > 0)
            {
                await resolution.ResolvePendingAsync($"new record in incident {Incident.Reference(incident.Id)}", ct);
            }
            // After resolution, so the rules see the new records' identities; in this transaction, so an alert
            // commits with the incident or not at all.
            await alerts.RunAsync(RuleTrigger.ForIncident(incident.Id), ct);
            return new RecordIncidentResponse(incident.Id, Incident.Reference(incident.Id), incident.Parties.Select(p => p.PersonRecordId).ToList());
        }, cancellationToken);
    }

    private sealed record ValidParty(long? PersonRecordId, PersonRecordInput? NewPerson, PartyRole Role);

    private async Task<List<ValidParty>> ValidatePartiesAsync(List<PartyInput>? parties, ValidationErrors errors, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new List<ValidParty>();
        if (parties is null || parties.Count == 0)
        {
            errors.Add("parties", "Error.Incident.PartiesRequired");
            return result;
        }
        if (parties.Count > IncidentLimits.Parties)
        {
            errors.Add("parties", "Error.List.TooMany", IncidentLimits.Parties);
            return result;
        }
        var ids = parties.Where(p => p?.PersonRecordId is not null).Select(p => p.PersonRecordId!.Value).Distinct().ToList();
        var existing = await db.PersonRecords.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var seen = new HashSet<(long, PartyRole)>();
        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            var field = $"parties[{i}]";
            if (party is null)
            {
                errors.Add(field, "Error.Party.Required");
                continue;
            }
            if (!EnumInput.TryParse<PartyRole>(party.Role, out var role))
            {
                errors.Add(field + ".role", "Error.Party.Role", EnumInput.Names<PartyRole>());
            }
            if (party.PersonRecordId is not null && party.NewPerson is not null)
            {
                errors.Add(field, "Error.Party.BothPersonAndNew");
                continue;
            }
            if (party.PersonRecordId is long id)
            {
                if (!existing.Contains(id))
                {
                    errors.Add(field + ".personRecordId", "Error.Party.PersonNotFound", id);
                }
                else if (!seen.Add((id, role)))
                {
                    errors.Add(field + ".personRecordId", "Error.Party.Duplicate");
                }
            }
            else if (party.NewPerson is { } newPerson)
            {
                PersonRecordValidation.Validate(newPerson, errors, field + ".newPerson.", today);
            }
            else
            {
                errors.Add(field + ".personRecordId", "Error.Party.PersonRequired");
            }
            result.Add(new ValidParty(party.PersonRecordId, party.NewPerson, role));
        }
        return result;
    }
}
