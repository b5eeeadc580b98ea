namespace Vigil.Features.People;

// Request and response shapes of the People feature: used by the API and by the pages, never EF entities.

public sealed record AddressInput(string? Text, string? Postcode, string? Kind, double? Lat, double? Lon);

public sealed record PersonRecordInput(
    string? GivenName,
    string? FamilyName,
    List<string>? Aliases,
    string? DateOfBirth,
    string? Sex,
    List<AddressInput>? Addresses,
    List<string>? Phones,
    List<string>? Emails,
    List<string>? Handles);

public sealed record AddressView(string Text, string? Postcode, string Kind, double? Lat, double? Lon);

public sealed record PersonRecordSummary(
    long Id,
    string Reference,
    string ForceCode,
    string ForceName,
    string GivenName,
    string FamilyName,
    IReadOnlyList<string> Aliases,
    string? DateOfBirth,
    string Sex,
    int IncidentCount);

/// <summary>
/// A person record as one reader may see it. Contact details are null when the record belongs to another
/// force and the reader has not recorded a purpose.
/// </summary>
public sealed record PersonRecordView(
    long Id,
    string Reference,
    string ForceCode,
    string ForceName,
    bool OwnForce,
    string GivenName,
    string FamilyName,
    IReadOnlyList<string> Aliases,
    string? DateOfBirth,
    string Sex,
    IReadOnlyList<AddressView>? Addresses,
    IReadOnlyList<string>? Phones,
    IReadOnlyList<string>? Emails,
    IReadOnlyList<string>? Handles,
    bool DetailWithheld,
    IReadOnlyList<PersonIncidentSummary> Incidents,
    string Version);

/// <summary>The cross-force summary every police reader sees: enough to join the dots, not the full record.</summary>
public sealed record PersonIncidentSummary(
    long IncidentId,
    string Reference,
    string ForceCode,
    string ForceName,
    bool OwnForce,
    DateTimeOffset OccurredFrom,
    string Classification,
    IReadOnlyList<string> IncludedClassifications,
    bool RecordedAsCrime,
    IReadOnlyList<string> Behaviours,
    IReadOnlyList<string> Roles);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
