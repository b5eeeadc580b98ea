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
/// force and the reader has not recorded a purpose. <see cref="PersonRecordView.Incidents"/> are those of the
/// whole resolved identity (<see cref="PersonRecordView.PersonId"/>), so history under other spellings and in
/// other forces is never missed.
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
    string Version,
    long? PersonId,
    string? PersonReference,
    int LinkedRecords);

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

/// <summary>One record of an identity, as every police reader may see it (no contact details).</summary>
public sealed record IdentityRecordView(
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
    DateTimeOffset CreatedAt);

/// <summary>The evidence for or against two records being one person: each field's agreement and weight.</summary>
public sealed record MatchExplanationView(
    IReadOnlyList<FieldEvidenceView> Fields,
    double PriorWeight,
    double TotalWeight,
    double Probability,
    bool NamesSwapped);

/// <summary><see cref="Level"/> is the engine's level name; <see cref="LevelIndex"/> is -1 when either record lacks the field.</summary>
public sealed record FieldEvidenceView(string Field, string Level, int LevelIndex, double Weight, bool FrequencyAdjusted);

/// <summary>Why a record is in its identity: the evidence tying it to an earlier record, or a person's decision.</summary>
public sealed record IdentityLinkView(
    long RecordId,
    string RecordReference,
    long LinkedToId,
    string LinkedToReference,
    string Basis,
    long? DecisionId,
    MatchExplanationView Explanation);

public sealed record MatchDecisionView(
    long Id,
    string Reference,
    long RecordAId,
    string RecordAReference,
    long RecordBId,
    string RecordBReference,
    bool SamePerson,
    string Rationale,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    bool Active,
    string? RevokedBy,
    DateTimeOffset? RevokedAt,
    string? RevocationRationale);

public sealed record PossibleMatchView(
    long Id,
    string Reference,
    string Status,
    DateTimeOffset FoundAt,
    double Probability,
    IdentityRecordView RecordA,
    IdentityRecordView RecordB,
    long? PersonAId,
    long? PersonBId,
    MatchExplanationView Explanation,
    MatchDecisionView? Decision);

public sealed record PersonMoveView(string RecordReference, string? FromReference, string ToReference, DateTimeOffset At, string Reason);

/// <summary>
/// A resolved identity: every record any force holds for this person, why they are linked, the incidents
/// they appear in across forces, the decisions people made about them and possible matches awaiting review.
/// </summary>
public sealed record PersonView(
    long Id,
    string Reference,
    IReadOnlyList<IdentityRecordView> Records,
    IReadOnlyList<IdentityLinkView> Links,
    IReadOnlyList<PersonIncidentSummary> Incidents,
    IReadOnlyList<MatchDecisionView> Decisions,
    IReadOnlyList<PossibleMatchView> PossibleMatches,
    IReadOnlyList<PersonMoveView> History);

/// <summary>A person's decision on two records: <c>samePerson</c> true merges their identities, false keeps them apart.</summary>
public sealed record MatchDecisionInput(long? RecordA, long? RecordB, bool? SamePerson, string? Rationale);

/// <summary>The decision on a possible match in the review queue.</summary>
public sealed record ReviewDecisionInput(bool? SamePerson, string? Rationale);

public sealed record RevokeDecisionInput(string? Rationale);

public sealed record PossibleMatchSummary(
    long Id,
    string Reference,
    string Status,
    DateTimeOffset FoundAt,
    double Probability,
    IdentityRecordView RecordA,
    IdentityRecordView RecordB);

public sealed record ListPossibleMatchesRequest(string? Status, int? Page, int? PageSize);
