using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.People;

public sealed record RecordSightingRequest(long? PersonId, string? Kind, LocationInput? Location);

/// <summary>Records where a person was seen, or lives, stays or works.</summary>
public sealed class RecordSightingHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordSightingRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordSightingRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        await RecordTarget.CheckPersonAsync(db, request.PersonId, "personId", errors, cancellationToken);
        var kind = CaseRecordInput.Required<SightingKind>(request.Kind, "kind", errors);
        CaseRecordInput.Location(request.Location, "location", errors);
        if (request.Location is null || (string.IsNullOrWhiteSpace(request.Location.Text) && request.Location.Lat is null))
        {
            errors.Add("location", "Error.Sighting.LocationRequired");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var sighting = new Sighting
        {
            ForceId = forceId,
            PersonRecordId = request.PersonId!.Value,
            Kind = kind,
            LocationText = string.IsNullOrWhiteSpace(request.Location!.Text) ? null : request.Location.Text.Trim(),
            Latitude = request.Location.Lat,
            Longitude = request.Location.Lon,
            RecordedAt = writer.Now,
            RecordedByUserId = writer.UserId,
        };
        return await writer.SaveAsync(sighting, AuditEntities.Sighting, s => s.Id, SightingsApi.Reference, CaseRecordWriter.NoIncidents, cancellationToken);
    }
}
