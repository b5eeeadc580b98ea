using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.People;

public sealed record SightingView(long Id, string Reference, long ForceId, long PersonId, string Kind, string? LocationText, double? Lat, double? Lon, DateTimeOffset RecordedAt);

public static class SightingsApi
{
    public static string Reference(long id) => $"SGT{id:D6}";

    public static RouteGroupBuilder MapSightingsApi(this RouteGroupBuilder api) =>
        api.MapRecord<RecordSightingRequest, RecordSightingHandler, Sighting, SightingView>(
            "sightings", "People", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record where a person was seen, or lives, stays or works", "A sighting",
            AuditEntities.Sighting, db => db.Sightings,
            s => new SightingView(s.Id, Reference(s.Id), s.ForceId, s.PersonRecordId, s.Kind.ToString(), s.LocationText, s.Latitude, s.Longitude, s.RecordedAt));
}
