namespace Vigil.Features.Cases;

public sealed record OpenCaseRequest(
    List<long>? IncidentIds,
    long? VictimPersonRecordId,
    long? SuspectPersonRecordId,
    string? OfficerUserId,
    string? Team,
    string? Offence,
    string? Rationale);

public sealed record HandOverCaseRequest(string? Version, string? OfficerUserId, string? Team, string? Reason);

public sealed record OffenceDecisionRequest(string? Version, string? Offence, string? Rationale);

public sealed record CaseOutcomeRequest(string? Version, string? Status, int? Outcome);

public sealed record AddCaseIncidentsRequest(string? Version, List<long>? IncidentIds);

public sealed record CaseCreated(long Id, string Reference);

public sealed record CaseIncidentView(long IncidentId, string Reference, string ForceCode, DateTimeOffset OccurredFrom, string Classification, IReadOnlyList<string> Behaviours);

public sealed record AllocationView(int Number, string? OfficerUserId, string? OfficerName, string? TeamCode, string? TeamName, DateTimeOffset AllocatedAt, string? AllocatedBy, string? Reason);

public sealed record OffenceDecisionView(string Offence, string Rationale, DateTimeOffset DecidedAt, string? DecidedBy);

public sealed record CaseView(
    long Id,
    string Reference,
    string ForceCode,
    string ForceName,
    bool OwnForce,
    long? VictimPersonRecordId,
    string? VictimName,
    long? SuspectPersonRecordId,
    string? SuspectName,
    string? OfficerUserId,
    string? OfficerName,
    string? TeamCode,
    string? TeamName,
    bool TeamIsSpecialist,
    string Status,
    int? Outcome,
    DateTimeOffset OpenedAt,
    int Handovers,
    IReadOnlyList<CaseIncidentView> Incidents,
    IReadOnlyList<AllocationView> Allocations,
    IReadOnlyList<OffenceDecisionView> OffenceDecisions,
    string Version);

public sealed record CaseSummary(
    long Id,
    string Reference,
    string ForceCode,
    string? VictimName,
    string? SuspectName,
    string? OfficerName,
    string? TeamCode,
    string Status,
    int? Outcome,
    string? Offence,
    int IncidentCount,
    DateTimeOffset OpenedAt);

public sealed record ListCasesRequest(string? Status, bool? Mine, string? Force, int? Page, int? PageSize);
