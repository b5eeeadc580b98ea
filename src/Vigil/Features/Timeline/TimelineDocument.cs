using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Considerations;
using Vigil.Features.Evidence;
using Vigil.Features.Orders;
using Vigil.Features.Referrals;
using Vigil.Features.Risk;
using Vigil.Features.VictimCare;

namespace Vigil.Features.Timeline;

/// <summary>
/// A <c>vigil-timeline/1</c> file as read and checked by <see cref="TimelineReader"/>: every reference points
/// to a record of the right kind defined by an earlier event, so a replay can apply the events in order
/// without meeting a dangling ref.<br/>
/// <c>Refs</c>: every <c>ref</c> in the file, with the event that defines it and its kind.<br/>
/// <c>UndeclaredTeams</c>: team codes used by events but not declared under their force; the format says they
/// are created as non-specialist teams, so whoever applies the timeline creates these first.
/// </summary>
public sealed record TimelineDocument(
    string Format,
    string? Title,
    IReadOnlyList<TimelineForce> Forces,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyDictionary<string, TimelineRef> Refs,
    IReadOnlyList<UndeclaredTeam> UndeclaredTeams);

public sealed record TimelineForce(string Code, string Name, IReadOnlyList<TimelineTeam> Teams);

/// <summary>
/// <c>Specialist</c>: Whether force policy allows the team to hold stalking cases.
/// </summary>
public sealed record TimelineTeam(string Code, string Name, bool Specialist);

/// <summary>
/// <c>FirstEventIndex</c>: The first event that uses the team.
/// </summary>
public sealed record UndeclaredTeam(string Force, string Code, int FirstEventIndex);

/// <summary>
/// <c>Force</c>: The force the record belongs to; null for kinds that have none of their own.
/// </summary>
public sealed record TimelineRef(string Ref, TimelineRefKind Kind, int EventIndex, string? Force);

/// <summary>The <c>type</c> names of the format.</summary>
public static class TimelineEventTypes
{
    public const string Person = "person";
    public const string Incident = "incident";
    public const string IncidentUpdate = "incident-update";
    public const string Case = "case";
    public const string CaseUpdate = "case-update";
    public const string Screening = "screening";
    public const string RiskAssessment = "risk-assessment";
    public const string Order = "order";
    public const string OrderUpdate = "order-update";
    public const string Breach = "breach";
    public const string Sighting = "sighting";
    public const string Consideration = "consideration";
    public const string Referral = "referral";
    public const string ContactAgreement = "contact-agreement";
    public const string VictimContact = "victim-contact";
    public const string Advice = "advice";
    public const string Evidence = "evidence";
    public const string RecordAccess = "record-access";
    public const string Clock = "clock";

    public static IReadOnlyList<string> All { get; } =
    [
        Person, Incident, IncidentUpdate, Case, CaseUpdate, Screening, RiskAssessment, Order, OrderUpdate, Breach,
        Sighting, Consideration, Referral, ContactAgreement, VictimContact, Advice, Evidence, RecordAccess, Clock,
    ];
}

/// <summary>
/// <c>Index</c>: The 0-based position in <c>events</c>.<br/>
/// <c>At</c>: When the event was recorded: the clock a replay sets before applying it.
/// </summary>
public abstract record TimelineEvent(int Index, DateTimeOffset At, string Type);

/// <summary>
/// <c>Force</c>: The force code; the first force where the file omits it.
/// </summary>
public sealed record PersonEvent(
    int Index,
    DateTimeOffset At,
    string Ref,
    string Force,
    string? Given,
    string? Family,
    IReadOnlyList<string> Aliases,
    PartialDate? Dob,
    Sex? Sex,
    IReadOnlyList<TimelineAddress> Addresses,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Handles) : TimelineEvent(Index, At, TimelineEventTypes.Person);

public sealed record IncidentEvent(
    int Index,
    DateTimeOffset At,
    string Ref,
    string Force,
    DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredTo,
    Classification Classification,
    bool? RecordedAsCrime,
    string? Narrative,
    IReadOnlyList<Behaviour> Behaviours,
    IReadOnlyList<Channel> Channels,
    TimelineLocation? Location,
    IReadOnlyList<TimelineParty> Parties,
    Relationship? Relationship,
    TimelineImpact? Impact,
    bool? Domestic,
    string? Team,
    string? Officer) : TimelineEvent(Index, At, TimelineEventTypes.Incident);

/// <summary>Changes to an incident; null means unchanged, and at least one field is given.</summary>
public sealed record IncidentUpdateEvent(
    int Index,
    DateTimeOffset At,
    string Incident,
    Classification? Classification,
    bool? RecordedAsCrime,
    string? Narrative,
    IReadOnlyList<Behaviour>? Behaviours,
    TimelineImpact? Impact) : TimelineEvent(Index, At, TimelineEventTypes.IncidentUpdate);

/// <summary>
/// <c>Rationale</c>: Given exactly when <c>Offence</c> is: an offence decision must say why.
/// </summary>
public sealed record CaseEvent(
    int Index,
    DateTimeOffset At,
    string Ref,
    IReadOnlyList<string> Incidents,
    string? Officer,
    string? Team,
    Classification? Offence,
    string? Rationale) : TimelineEvent(Index, At, TimelineEventTypes.Case);

/// <summary>
/// Changes to a case; null means unchanged, and at least one field is given.<br/>
/// <c>Incidents</c>: Incidents added to the case.<br/>
/// <c>Officer</c>: With or without <c>Team</c>, a handover.<br/>
/// <c>Outcome</c>: A Home Office outcome type, 1–22.
/// </summary>
public sealed record CaseUpdateEvent(
    int Index,
    DateTimeOffset At,
    string Case,
    IReadOnlyList<string>? Incidents,
    string? Officer,
    string? Team,
    Classification? Offence,
    string? Rationale,
    CaseStatus? Status,
    int? Outcome) : TimelineEvent(Index, At, TimelineEventTypes.CaseUpdate);

/// <summary>Exactly one of <see cref="Incident"/> and <see cref="Case"/> is set.</summary>
public sealed record ScreeningEvent(
    int Index,
    DateTimeOffset At,
    string? Incident,
    string? Case,
    bool? Fixated,
    bool? Obsessive,
    bool? Unwanted,
    bool? Repeated,
    IReadOnlyDictionary<string, bool> Answers,
    string? By) : TimelineEvent(Index, At, TimelineEventTypes.Screening);

/// <summary>
/// Exactly one of <see cref="Incident"/> and <see cref="Case"/> is set.<br/>
/// <c>Answers</c>: Keyed by question id, all of the <c>Tool</c>'s family (dash01, st01, ht1…).
/// </summary>
public sealed record RiskAssessmentEvent(
    int Index,
    DateTimeOffset At,
    string Ref,
    string Victim,
    string? Incident,
    string? Case,
    RiskTool Tool,
    IReadOnlyDictionary<string, bool> Answers,
    RiskGrade? Grade,
    string? Rationale,
    string? By) : TimelineEvent(Index, At, TimelineEventTypes.RiskAssessment);

/// <summary>
/// <c>Address</c>: Where the subject must live, if anywhere.
/// </summary>
public sealed record OrderEvent(
    int Index,
    DateTimeOffset At,
    string Ref,
    string Force,
    OrderType OrderType,
    string Subject,
    IReadOnlyList<string> Protected,
    OrderStatus Status,
    DateTimeOffset? Starts,
    DateTimeOffset? Ends,
    IReadOnlyList<TimelineCondition> Conditions,
    string? Address) : TimelineEvent(Index, At, TimelineEventTypes.Order);

/// <summary>
/// Changes to an order; null means unchanged, and at least one field is given.<br/>
/// <c>Conditions</c>: Replaces the order's conditions.
/// </summary>
public sealed record OrderUpdateEvent(
    int Index,
    DateTimeOffset At,
    string Order,
    OrderStatus? Status,
    DateTimeOffset? Ends,
    IReadOnlyList<TimelineCondition>? Conditions,
    OrderType? OrderType) : TimelineEvent(Index, At, TimelineEventTypes.OrderUpdate);

/// <summary>
/// <c>ReportedBy</c>: A person ref.<br/>
/// <c>Condition</c>: Index into the order's conditions as they stood when the breach was recorded.
/// </summary>
public sealed record BreachEvent(
    int Index,
    DateTimeOffset At,
    string Ref,
    string Order,
    DateTimeOffset? OccurredAt,
    string? ReportedBy,
    string? Description,
    int? Condition,
    TimelineLocation? Location,
    BreachAction? Action,
    string? Rationale) : TimelineEvent(Index, At, TimelineEventTypes.Breach);

public sealed record SightingEvent(
    int Index,
    DateTimeOffset At,
    string Person,
    TimelineLocation Location,
    SightingKind Kind) : TimelineEvent(Index, At, TimelineEventTypes.Sighting);

/// <summary>Exactly one of <see cref="Incident"/> and <see cref="Case"/> is set.</summary>
public sealed record ConsiderationEvent(
    int Index,
    DateTimeOffset At,
    string? Incident,
    string? Case,
    ConsiderationKind What,
    ConsiderationDecision Decision,
    string? Rationale,
    string? By) : TimelineEvent(Index, At, TimelineEventTypes.Consideration);

public sealed record ReferralEvent(
    int Index,
    DateTimeOffset At,
    string Person,
    ReferralTarget To,
    bool? Consent,
    ReferralStatus Status) : TimelineEvent(Index, At, TimelineEventTypes.Referral);

/// <summary>Exactly one of <see cref="Incident"/> and <see cref="Case"/> is set.</summary>
public sealed record ContactAgreementEvent(
    int Index,
    DateTimeOffset At,
    string Victim,
    string? Incident,
    string? Case,
    ContactFrequency Frequency,
    ContactMethod? Method,
    string? SafeContact) : TimelineEvent(Index, At, TimelineEventTypes.ContactAgreement);

public sealed record VictimContactEvent(
    int Index,
    DateTimeOffset At,
    string Victim,
    string? By,
    string? Summary,
    IReadOnlyList<VictimInformed> Informs) : TimelineEvent(Index, At, TimelineEventTypes.VictimContact);

public sealed record AdviceEvent(
    int Index,
    DateTimeOffset At,
    string Victim,
    string? By,
    string Text) : TimelineEvent(Index, At, TimelineEventTypes.Advice);

/// <summary>Exactly one of <see cref="Incident"/> and <see cref="Case"/> is set.</summary>
public sealed record EvidenceEvent(
    int Index,
    DateTimeOffset At,
    string? Incident,
    string? Case,
    EvidenceKind Kind,
    EvidenceStatus Status,
    DateTimeOffset? AvailableUntil,
    DateTimeOffset? ExpectedBy) : TimelineEvent(Index, At, TimelineEventTypes.Evidence);

/// <summary>
/// A read of a person's records, as the audit log would capture it.<br/>
/// <c>User</c>: The name of the user who read the records.
/// </summary>
public sealed record RecordAccessEvent(
    int Index,
    DateTimeOffset At,
    string User,
    string Person,
    string? Purpose) : TimelineEvent(Index, At, TimelineEventTypes.RecordAccess);

/// <summary>Only advances the clock, so deadline rules can fire.</summary>
public sealed record ClockEvent(int Index, DateTimeOffset At) : TimelineEvent(Index, At, TimelineEventTypes.Clock);

public sealed record TimelineAddress(string Text, string? Postcode, double? Lat, double? Lon, AddressKind? Kind);

/// <summary>At least a text or both coordinates.</summary>
public sealed record TimelineLocation(string? Text, double? Lat, double? Lon);

public sealed record GeoPoint(double Lat, double Lon);

/// <summary>
/// <c>Person</c>: A person ref.
/// </summary>
public sealed record TimelineParty(string Person, PartyRole Role);

public sealed record TimelineImpact(bool? FearOfViolence, bool? SeriousAlarmOrDistress, bool? ChangedRoutine);

public abstract record TimelineCondition(ConditionType Type);

/// <summary>
/// <c>Indirect</c>: Whether contact through third parties is also forbidden.
/// </summary>
public sealed record NoContactCondition(bool? Indirect) : TimelineCondition(ConditionType.NoContact);

public sealed record ExclusionZoneCondition(ExclusionZoneArea Area) : TimelineCondition(ConditionType.ExclusionZone);

public sealed record NotToAttendCondition(string Address) : TimelineCondition(ConditionType.NotToAttend);

public sealed record ResideAtCondition(string Address, GeoPoint? Point) : TimelineCondition(ConditionType.ResideAt);

public sealed record ProgrammeCondition(string? Name) : TimelineCondition(ConditionType.Programme);

public sealed record DeviceAccessCondition() : TimelineCondition(ConditionType.DeviceAccess);

public sealed record NotifyCondition() : TimelineCondition(ConditionType.Notify);

public sealed record OtherCondition(string Text) : TimelineCondition(ConditionType.Other);

/// <summary>An exclusion zone is a circle or a polygon, never both.</summary>
public abstract record ExclusionZoneArea;

public sealed record ExclusionZoneCircle(GeoPoint Centre, double RadiusMetres) : ExclusionZoneArea;

/// <summary>
/// <c>Points</c>: At least three, in the order given.
/// </summary>
public sealed record ExclusionZonePolygon(IReadOnlyList<GeoPoint> Points) : ExclusionZoneArea;
