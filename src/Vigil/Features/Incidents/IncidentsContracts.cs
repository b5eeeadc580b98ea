using Vigil.Features.People;

namespace Vigil.Features.Incidents;

public sealed record LocationInput(string? Text, double? Lat, double? Lon);

public sealed record ImpactInput(bool? FearOfViolence, bool? SeriousAlarmOrDistress, bool? ChangedRoutine);

/// <summary>A party is an existing person record (any force) or a new record for the user's own force.</summary>
public sealed record PartyInput(long? PersonRecordId, PersonRecordInput? NewPerson, string? Role);

public sealed record RecordIncidentRequest(
    string? Force,
    DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredTo,
    string? Classification,
    List<string>? IncludedClassifications,
    bool? RecordedAsCrime,
    string? Narrative,
    List<string>? Behaviours,
    List<string>? Channels,
    LocationInput? Location,
    List<PartyInput>? Parties,
    string? Relationship,
    ImpactInput? Impact,
    bool? Domestic,
    string? Team,
    string? Officer);

/// <summary>Fields left null are unchanged. <see cref="Version"/> is the version read; a stale one is a 409.</summary>
public sealed record UpdateIncidentRequest(
    string? Version,
    string? Classification,
    List<string>? IncludedClassifications,
    bool? RecordedAsCrime,
    string? Narrative,
    List<string>? Behaviours,
    List<string>? Channels,
    ImpactInput? Impact,
    string? Relationship,
    bool? Domestic,
    DateTimeOffset? OccurredTo);

public sealed record RecordIncidentResponse(long Id, string Reference, IReadOnlyList<long> PersonRecordIds);

public sealed record PartyView(long PersonRecordId, string PersonReference, string Name, string? DateOfBirth, string ForceCode, string Role);

public sealed record IncidentView(
    long Id,
    string Reference,
    string ForceCode,
    string ForceName,
    bool OwnForce,
    DateTimeOffset RecordedAt,
    DateTimeOffset OccurredFrom,
    DateTimeOffset? OccurredTo,
    string Classification,
    IReadOnlyList<string> IncludedClassifications,
    bool RecordedAsCrime,
    string Narrative,
    IReadOnlyList<string> Behaviours,
    IReadOnlyList<string> Channels,
    string? LocationText,
    double? LocationLat,
    double? LocationLon,
    string? Relationship,
    bool FearOfViolence,
    bool SeriousAlarmOrDistress,
    bool ChangedRoutine,
    bool Domestic,
    string? TeamCode,
    string? TeamName,
    string? Officer,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<CaseLink> Cases,
    string Version);

public sealed record CaseLink(long Id, string Reference, string Status);

public sealed record IncidentSummary(
    long Id,
    string Reference,
    string ForceCode,
    DateTimeOffset OccurredFrom,
    string Classification,
    IReadOnlyList<string> IncludedClassifications,
    bool RecordedAsCrime,
    IReadOnlyList<string> Behaviours,
    bool Domestic);

public sealed record ListIncidentsRequest(
    string? Force,
    string? Classification,
    string? Behaviour,
    long? PersonRecordId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int? Page,
    int? PageSize);
